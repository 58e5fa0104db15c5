"""Mirror templates: the frames crisis messages use, finished the everyday way.

"I want to ...", "tonight I'm going to ...", "I bought a rope ...", "he died last year": each
frame is common in ordinary chat. Without these the model learns the frame, not the meaning.
Merged into TEMPLATES as label none.
"""

def _alt(*words: str) -> str:
    return "{" + "|".join(words) + "}"


MIRROR: dict[str, dict[str, list[str]]] = {
    "en": {
        "everyday": [
            (f"{_alt('i want to', 'i wanna', 'i really want to', 'i’m going to', 'i’m gonna', 'i need to', 'i’ll', 'i just want to', 'i’m ready to', 'i’ve decided to')} "
            f"{_alt('go to the beach', 'eat pizza', 'sleep in', 'call my mom', 'watch a movie', 'learn french', 'buy new shoes', 'go for a run', 'see my friends', 'take a bath', 'bake cookies', 'get a haircut', 'finish my book', 'play some games', 'move to a new city', 'adopt a cat', 'quit my job', 'start therapy', 'go home', 'take a nap')}"
            f"{_alt('', ' tonight', ' tomorrow', ' this weekend', ' soon', ' so bad', ' lol', ' today', ' after work')}"),
            (f"{_alt('tonight', 'tomorrow', 'this weekend', 'on friday', 'after work', 'when everyone’s asleep')} {_alt('i’m going to', 'i’ll', 'i want to', 'we’re going to')} "
            f"{_alt('binge the whole season', 'eat ice cream', 'clean my room', 'go dancing', 'sneak a snack', 'finally sleep', 'game till 3am', 'write my essay', 'call you')}"),
            (f"{_alt('i bought', 'i have', 'i got', 'we need', 'i found')} {_alt('a rope', 'some rope', 'a knife', 'pills', 'painkillers', 'a razor', 'a belt', 'a hose', 'charcoal', 'rat poison', 'a ladder')} "
            f"{_alt('for the tent', 'for the bbq', 'for my headache', 'for shaving', 'for the garden', 'for the mice in the garage', 'for my new jeans', 'for the camping trip', 'for the kitchen', 'for the tree house')}"),
            (f"{_alt('my grandpa', 'my grandma', 'my uncle', 'my dog', 'my old teacher', 'my cat', 'my aunt')} {_alt('died', 'passed away', 'died last year', 'died when i was little', 'passed away last month')}"
            f"{_alt('', ' and i miss them', ', i still think about them', ', today is the anniversary', ' and i’m sad today')}"),
            f"{_alt('i love you', 'i miss you', 'thank you', 'you’re the best', 'i’m so happy', 'i’m proud of you', 'good night', 'see you tomorrow')}{_alt('', ' so much', ', you know that?', ' ❤️', '!!', ' 🥰')}",
            f"{_alt('i’m so tired', 'i’m exhausted', 'i’m done', 'i can’t anymore', 'i give up', 'i’m dead')} {_alt('with this homework', 'after that workout', 'of this rain', 'with this level', 'with my taxes', 'of cleaning', 'after the party', 'with this puzzle')}{_alt('', ' lol', ' 😂', ' haha', ' ugh')}",
        ],
    },
    "es": {
        "everyday": [
            (f"{_alt('quiero', 'me quiero', 'voy a', 'necesito', 'ya quiero', 'tengo ganas de', 'decidí')} "
            f"{_alt('ir a la playa', 'comer pizza', 'dormir todo el día', 'llamar a mi mamá', 'ver una peli', 'aprender inglés', 'comprar zapatos', 'salir a correr', 'ver a mis amigos', 'darme un baño', 'hacer galletas', 'cortarme el pelo', 'ir a casa', 'echarme una siesta', 'mudarme de ciudad', 'adoptar un gato', 'cambiar de trabajo', 'ir de vacaciones')}"
            f"{_alt('', ' esta noche', ' mañana', ' este finde', ' pronto', ' jaja', ' hoy', ' ya')}"),
            f"{_alt('te quiero', 'te extraño', 'gracias', 'eres lo mejor', 'qué feliz estoy', 'buenas noches', 'nos vemos mañana', 'te quiero mucho')}{_alt('', ', lo sabes?', ' ❤️', '!!', ' 🥰')}",
            (f"{_alt('compré', 'tengo', 'necesito', 'encontré')} {_alt('una cuerda', 'cuerda', 'un cuchillo', 'pastillas', 'analgésicos', 'una cuchilla de afeitar', 'un cinturón', 'una manguera', 'carbón', 'veneno para ratas')} "
            f"{_alt('para la tienda de campaña', 'para la barbacoa', 'para el dolor de cabeza', 'para afeitarme', 'para el jardín', 'para los ratones del garaje', 'para la acampada', 'para la cocina')}"),
            f"{_alt('mi abuelo', 'mi abuela', 'mi tío', 'mi perro', 'mi gato', 'mi tía')} {_alt('murió', 'falleció', 'murió el año pasado', 'se murió cuando era pequeña')}{_alt('', ' y lo extraño', ', hoy es el aniversario', ' y hoy estoy triste')}",
            f"{_alt('esta noche', 'mañana', 'el viernes', 'este finde')} {_alt('voy a', 'quiero', 'vamos a')} {_alt('ver la serie entera', 'comer helado', 'limpiar mi cuarto', 'salir a bailar', 'jugar hasta las 3', 'terminar el trabajo', 'llamarte')}",
        ],
    },
    "pt": {
        "everyday": [
            (f"{_alt('quero', 'eu quero', 'vou', 'preciso', 'to com vontade de', 'decidi')} "
            f"{_alt('ir pra praia', 'comer pizza', 'dormir o dia todo', 'ligar pra minha mãe', 'ver um filme', 'aprender inglês', 'comprar tênis', 'correr', 'ver meus amigos', 'tomar um banho', 'fazer bolo', 'cortar o cabelo', 'ir pra casa', 'tirar um cochilo', 'mudar de cidade', 'adotar um gato', 'mudar de emprego', 'viajar')}"
            f"{_alt('', ' hoje à noite', ' amanhã', ' no fim de semana', ' logo', ' kkk', ' hoje', ' agora')}"),
            f"{_alt('te amo', 'saudade', 'obrigada', 'você é demais', 'to tão feliz', 'boa noite', 'até amanhã', 'te amo muito')}{_alt('', ', sabia?', ' ❤️', '!!', ' 🥰')}",
            (f"{_alt('comprei', 'tenho', 'preciso de', 'achei')} {_alt('uma corda', 'corda', 'uma faca', 'remédio', 'analgésico', 'uma gilete', 'um cinto', 'uma mangueira', 'carvão', 'veneno de rato')} "
            f"{_alt('pra barraca', 'pro churrasco', 'pra dor de cabeça', 'pra fazer a barba', 'pro jardim', 'pros ratos da garagem', 'pro acampamento', 'pra cozinha')}"),
            f"{_alt('meu avô', 'minha avó', 'meu tio', 'meu cachorro', 'meu gato', 'minha tia')} {_alt('morreu', 'faleceu', 'morreu ano passado', 'morreu quando eu era pequena')}{_alt('', ' e sinto saudade', ', hoje faz um ano', ' e hoje to triste')}",
            f"{_alt('hoje à noite', 'amanhã', 'na sexta', 'no fim de semana')} {_alt('vou', 'quero', 'a gente vai')} {_alt('maratonar a série', 'tomar sorvete', 'arrumar meu quarto', 'sair pra dançar', 'jogar até as 3', 'terminar o trabalho', 'te ligar')}",
        ],
    },
    "fr": {
        "everyday": [
            (f"{_alt('je veux', 'jveux', 'je vais', 'il faut que je', 'j’ai envie de', 'j’ai décidé de')} "
            f"{_alt('aller à la plage', 'manger une pizza', 'dormir toute la journée', 'appeler ma mère', 'regarder un film', 'apprendre l’anglais', 'acheter des chaussures', 'aller courir', 'voir mes potes', 'prendre un bain', 'faire des cookies', 'me couper les cheveux', 'rentrer chez moi', 'faire une sieste', 'déménager', 'adopter un chat', 'changer de boulot', 'partir en vacances')}"
            f"{_alt('', ' ce soir', ' demain', ' ce week-end', ' bientôt', ' mdr', ' aujourd’hui', ' maintenant')}"),
            f"{_alt('je t’aime', 'tu me manques', 'merci', 't’es le meilleur', 'je suis trop contente', 'bonne nuit', 'à demain', 'je t’aime fort')}{_alt('', ', tu sais?', ' ❤️', '!!', ' 🥰')}",
            (f"{_alt('j’ai acheté', 'j’ai', 'il me faut', 'j’ai trouvé')} {_alt('une corde', 'de la corde', 'un couteau', 'des cachets', 'des antidouleurs', 'un rasoir', 'une ceinture', 'un tuyau', 'du charbon', 'de la mort-aux-rats')} "
            f"{_alt('pour la tente', 'pour le barbecue', 'pour mon mal de tête', 'pour me raser', 'pour le jardin', 'pour les souris du garage', 'pour le camping', 'pour la cuisine')}"),
            f"{_alt('mon grand-père', 'ma grand-mère', 'mon oncle', 'mon chien', 'mon chat', 'ma tante')} {_alt('est mort', 'est décédé', 'est mort l’an dernier', 'est mort quand j’étais petite')}{_alt('', ' et il me manque', ', c’est l’anniversaire aujourd’hui', ' et je suis triste aujourd’hui')}",
            f"{_alt('ce soir', 'demain', 'vendredi', 'ce week-end')} {_alt('je vais', 'je veux', 'on va')} {_alt('binge toute la série', 'manger une glace', 'ranger ma chambre', 'sortir danser', 'jouer jusqu’à 3h', 'finir mon dossier', 't’appeler')}",
            f"{_alt('je serai pas là', 'je serai absente', 'je suis pas dispo', 'je serai pas connecté')} {_alt('ce week-end', 'demain', 'la semaine prochaine', 'ce soir')}{_alt('', ', trucs de famille', ', je pars en vacances', ', j’ai des exams', ', je bosse')}",
        ],
    },
    "de": {
        "everyday": [
            (f"{_alt('ich will', 'ich möchte', 'ich werde', 'ich muss', 'ich hab lust zu', 'ich hab beschlossen zu')} "
            f"{_alt('an den strand', 'pizza essen', 'den ganzen tag schlafen', 'meine mutter anrufen', 'einen film schauen', 'englisch lernen', 'neue schuhe kaufen', 'joggen gehen', 'meine freunde sehen', 'baden', 'kekse backen', 'zum friseur', 'nach hause', 'ein nickerchen machen', 'umziehen', 'eine katze adoptieren', 'den job wechseln', 'in den urlaub')}"
            f"{_alt('', ' heute abend', ' morgen', ' am wochenende', ' bald', ' haha', ' heute', ' jetzt')}"),
            f"{_alt('ich hab dich lieb', 'ich vermisse dich', 'danke', 'du bist die beste', 'ich bin so glücklich', 'gute nacht', 'bis morgen', 'ich liebe dich')}{_alt('', ', weißt du?', ' ❤️', '!!', ' 🥰')}",
            (f"{_alt('ich hab', 'ich hab gekauft:', 'ich brauche', 'ich hab gefunden:')} {_alt('ein seil', 'seil', 'ein messer', 'tabletten', 'schmerzmittel', 'einen rasierer', 'einen gürtel', 'einen schlauch', 'grillkohle', 'rattengift')} "
            f"{_alt('fürs zelt', 'zum grillen', 'gegen kopfschmerzen', 'zum rasieren', 'für den garten', 'für die mäuse in der garage', 'fürs camping', 'für die küche')}"),
            f"{_alt('mein opa', 'meine oma', 'mein onkel', 'mein hund', 'meine katze', 'meine tante')} {_alt('ist gestorben', 'ist letztes jahr gestorben', 'ist verstorben', 'ist gestorben als ich klein war')}{_alt('', ' und ich vermisse ihn', ', heute ist der jahrestag', ' und ich bin heute traurig')}",
            f"{_alt('heute abend', 'morgen', 'am freitag', 'am wochenende')} {_alt('werde ich', 'will ich', 'wollen wir')} {_alt('die ganze serie schauen', 'eis essen', 'mein zimmer aufräumen', 'tanzen gehen', 'bis 3 uhr zocken', 'mein projekt fertig machen', 'dich anrufen')}",
        ],
    },
}
