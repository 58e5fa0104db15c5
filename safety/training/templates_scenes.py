"""Everyday scenes that use the crisis screen's concept words: car, bridge, roof, pills, knife,
rope, gun range, last night, goodbye, giving away, notes, plans, "I'm done", "kill me" jokes.

Sampled heavily (SCENE_SAMPLES per template) so that each concept word has far more benign
uses in training than crisis ones, as in real chat. Label none, category everyday.
"""

SCENE_SAMPLES = 700


def _alt(*words: str) -> str:
    return "{" + "|".join(words) + "}"


SCENES: dict[str, list[str]] = {
    "en": [
        f"{_alt('my cat', 'my dog', 'the baby', 'my little brother', 'my kitten', 'my puppy')} {_alt('is sitting on', 'is sleeping on', 'keeps chewing', 'just knocked over', 'is lying on', 'walked across')} {_alt('my keyboard', 'my homework', 'the couch', 'my bed', 'my phone', 'my laptop', 'the remote')}{_alt('', ' lol', ' 😂', ' again', ', help')}",
        (f"{_alt('i’m', 'im', 'we’re', 'i was', 'we were', 'just got')} {_alt('in the car', 'on the bridge', 'on the roof terrace', 'at the train station', 'by the river', 'on the balcony', 'at the pharmacy', 'in the garage', 'at the shooting range', 'on the cliff path', 'at the hardware store', 'in the kitchen', 'in the bathroom', 'at the lake')} "
        f"{_alt('waiting for my sister', 'with my friends', 'eating ice cream', 'fixing my bike', 'taking photos', 'watching the sunset', 'picking up my prescription', 'looking for a new hose', 'with my dad', 'on a date', 'doing my makeup', 'listening to music', 'talking to my mom on the phone', 'because the kids wanted to')}{_alt('', ' lol', '!', ' 😊', ', so nice', ' rn', ' haha')}"),
        (f"{_alt('i put', 'i packed', 'don’t forget', 'i left', 'i found', 'i bought')} {_alt('my pills', 'the vitamins', 'my allergy meds', 'a knife', 'the rope', 'a razor', 'the charger', 'my keys', 'the painkillers', 'the sleeping mask', 'the first aid kit', 'some string')} "
        f"{_alt('in my bag', 'in the suitcase', 'for the trip', 'in the car', 'on the counter', 'by the door', 'for camping', 'in the drawer')}{_alt('', ', i always forget', ' lol', ' just in case', ', ready for tomorrow')}"),
        f"{_alt('kill me', 'i’m dead', 'i want to die', 'i’m dying', 'end me', 'shoot me', 'someone kill me')} {_alt('my alarm didn’t go off', 'i sent that text to the wrong person', 'this meeting is 3 hours', 'i called my teacher mum', 'i have to redo the whole essay', 'the wifi is down again', 'my mom found my report card', 'i tripped in front of my crush')}{_alt('', ' 😂', ' lmao', ' 💀', ' lol', ' ugh')}",
        f"{_alt('this is my last', 'tonight is my last', 'it’s my last', 'my last')} {_alt('exam', 'day at school', 'night in rome', 'shift this week', 'week at this job', 'weekend before uni', 'day of vacation', 'piece of cake', 'cigarette, i’m quitting', 'night at my parents')}{_alt('', '!!', ', so excited', ', finally', ' 😭 i’ll miss it', ' lol')}",
        f"{_alt('i’m giving away', 'i gave away', 'i’m selling', 'we’re donating', 'i’m getting rid of')} {_alt('my old clothes', 'the kids’ toys', 'my books', 'the couch', 'my old phone', 'my records', 'the bike', 'my plants')} {_alt('because we’re moving', 'to make space', 'before the move', 'to my cousin', 'on facebook marketplace', 'to the charity shop', 'since i’m redecorating')}",
        f"{_alt('i’m done', 'i’m so done', 'i can’t anymore', 'i give up', 'i quit', 'i’m over it')} {_alt('with this puzzle', 'with my diet lol', 'with this game', 'with this weather', 'with my group project', 'with the laundry', 'with this traffic', 'with my taxes', 'with mondays')}{_alt('', ' 😂', ' haha', ' for today', ', going to bed', ' lol')}",
        f"{_alt('goodbye', 'bye', 'see you', 'good night', 'talk later', 'thanks for everything today')} {_alt('my friend', 'love', 'everyone', '', 'babe', 'bestie')}{_alt('', '! see you tomorrow', ', going to sleep', ', i have class early', ' 😘', ', it was fun')}",
    ],
    "es": [
        f"{_alt('mi gato', 'mi perro', 'el bebé', 'mi hermanito')} {_alt('está sentado en', 'está durmiendo en', 'no deja de morder', 'acaba de tirar')} {_alt('mi teclado', 'mis deberes', 'el sofá', 'mi cama', 'mi móvil')}{_alt('', ' jaja', ' 😂', ' otra vez')}",
        (f"{_alt('estoy', 'estamos', 'estaba', 'acabo de llegar')} {_alt('en el coche', 'en el puente', 'en la azotea', 'en la estación', 'en el río', 'en el balcón', 'en la farmacia', 'en el garaje', 'en el campo de tiro', 'en la ferretería', 'en la cocina', 'en el lago')} "
        f"{_alt('esperando a mi hermana', 'con mis amigos', 'comiendo helado', 'arreglando la bici', 'sacando fotos', 'viendo el atardecer', 'recogiendo mi receta', 'con mi papá', 'en una cita', 'escuchando música', 'hablando con mi mamá')}{_alt('', ' jaja', '!', ' 😊', ', qué bonito')}"),
        (f"{_alt('metí', 'guardé', 'no olvides', 'dejé', 'compré')} {_alt('mis pastillas', 'las vitaminas', 'un cuchillo', 'la cuerda', 'una cuchilla', 'el cargador', 'las llaves', 'los analgésicos', 'el botiquín')} "
        f"{_alt('en la mochila', 'en la maleta', 'para el viaje', 'en el coche', 'en la encimera', 'para la acampada', 'en el cajón')}{_alt('', ', siempre se me olvidan', ' jaja', ' por si acaso')}"),
        f"{_alt('mátame', 'me muero', 'me quiero morir', 'que alguien me mate')} {_alt('no sonó la alarma', 'mandé el mensaje a quien no era', 'la reunión dura tres horas', 'le dije mamá a la profe', 'tengo que rehacer todo el trabajo', 'se cayó el wifi otra vez', 'me caí delante de mi crush')}{_alt('', ' 😂', ' jajaja', ' 💀')}",
        f"{_alt('es mi último', 'hoy es mi último', 'mi último')} {_alt('examen', 'día de clase', 'turno de la semana', 'día de vacaciones', 'día en este trabajo', 'cigarro, lo dejo')}{_alt('', '!!', ', qué ganas', ', por fin', ' 😭 lo voy a extrañar')}",
        f"{_alt('estoy regalando', 'regalé', 'estoy vendiendo', 'vamos a donar')} {_alt('mi ropa vieja', 'los juguetes de los niños', 'mis libros', 'el sofá', 'mi móvil viejo', 'la bici', 'mis plantas')} {_alt('porque nos mudamos', 'para hacer sitio', 'antes de la mudanza', 'a mi prima', 'por wallapop')}",
        f"{_alt('estoy harta', 'ya no puedo más', 'me rindo', 'paso')} {_alt('de este puzzle', 'de la dieta jaja', 'de este juego', 'de este calor', 'del trabajo en grupo', 'de la colada', 'del tráfico', 'de los lunes')}{_alt('', ' 😂', ' jaja', ' por hoy', ', me voy a dormir')}",
    ],
    "pt": [
        f"{_alt('meu gato', 'meu cachorro', 'o bebê', 'meu irmãozinho')} {_alt('tá sentado em cima', 'tá dormindo em cima', 'não para de morder', 'acabou de derrubar')} {_alt('do meu teclado', 'da minha lição', 'do sofá', 'da minha cama', 'do meu celular')}{_alt('', ' kkk', ' 😂', ' de novo')}",
        (f"{_alt('to', 'estou', 'a gente tá', 'acabei de chegar')} {_alt('no carro', 'na ponte', 'na laje', 'na estação', 'no rio', 'na varanda', 'na farmácia', 'na garagem', 'no clube de tiro', 'na loja de ferragens', 'na cozinha', 'no lago')} "
        f"{_alt('esperando minha irmã', 'com meus amigos', 'tomando sorvete', 'arrumando a bike', 'tirando foto', 'vendo o pôr do sol', 'pegando minha receita', 'com meu pai', 'num encontro', 'ouvindo música', 'falando com minha mãe')}{_alt('', ' kkk', '!', ' 😊', ', que lindo')}"),
        (f"{_alt('coloquei', 'guardei', 'não esquece', 'deixei', 'comprei')} {_alt('meus remédios', 'as vitaminas', 'uma faca', 'a corda', 'uma gilete', 'o carregador', 'as chaves', 'os analgésicos', 'o kit de primeiros socorros')} "
        f"{_alt('na mochila', 'na mala', 'pra viagem', 'no carro', 'na bancada', 'pro acampamento', 'na gaveta')}{_alt('', ', sempre esqueço', ' kkk', ' por garantia')}"),
        f"{_alt('me mata', 'morri', 'quero morrer', 'alguém me mata')} {_alt('o despertador não tocou', 'mandei a mensagem pra pessoa errada', 'a reunião tem três horas', 'chamei a professora de mãe', 'tenho que refazer o trabalho todo', 'a internet caiu de novo', 'caí na frente do crush')}{_alt('', ' 😂', ' kkkkk', ' 💀')}",
        f"{_alt('é minha última', 'hoje é minha última', 'minha última')} {_alt('prova', 'aula', 'semana nesse emprego', 'noite em lisboa', 'noite de férias')}{_alt('', '!!', ', que ansiedade', ', finalmente', ' 😭 vou sentir falta')}",
        f"{_alt('to doando', 'doei', 'to vendendo', 'vamos doar')} {_alt('minhas roupas velhas', 'os brinquedos das crianças', 'meus livros', 'o sofá', 'meu celular velho', 'a bike', 'minhas plantas')} {_alt('porque vamos mudar', 'pra abrir espaço', 'antes da mudança', 'pra minha prima', 'na olx')}",
        f"{_alt('cansei', 'não aguento mais', 'desisto', 'to de saco cheio')} {_alt('desse quebra-cabeça', 'da dieta kkk', 'desse jogo', 'desse calor', 'do trabalho em grupo', 'de lavar roupa', 'do trânsito', 'da segunda-feira')}{_alt('', ' 😂', ' kkk', ' por hoje', ', vou dormir')}",
    ],
    "fr": [
        f"{_alt('mon chat', 'mon chien', 'le bébé', 'mon petit frère')} {_alt('est assis sur', 'dort sur', 'mâchouille', 'vient de renverser')} {_alt('mon clavier', 'mes devoirs', 'le canapé', 'mon lit', 'mon téléphone')}{_alt('', ' mdr', ' 😂', ' encore')}",
        (f"{_alt('je suis', 'on est', 'j’étais', 'je viens d’arriver')} {_alt('dans la voiture', 'sur le pont', 'sur le toit-terrasse', 'à la gare', 'au bord de la rivière', 'sur le balcon', 'à la pharmacie', 'dans le garage', 'au stand de tir', 'au magasin de bricolage', 'dans la cuisine', 'au lac')} "
        f"{_alt('j’attends ma sœur', 'avec mes potes', 'on mange une glace', 'je répare mon vélo', 'pour prendre des photos', 'pour le coucher de soleil', 'pour mon ordonnance', 'avec mon père', 'en rendez-vous', 'j’écoute de la musique', 'au téléphone avec ma mère')}{_alt('', ' mdr', '!', ' 😊', ', trop bien')}"),
        (f"{_alt('j’ai mis', 'j’ai rangé', 'oublie pas', 'j’ai laissé', 'j’ai acheté')} {_alt('mes cachets', 'les vitamines', 'un couteau', 'la corde', 'un rasoir', 'le chargeur', 'les clés', 'les antidouleurs', 'la trousse de secours')} "
        f"{_alt('dans mon sac', 'dans la valise', 'pour le voyage', 'dans la voiture', 'sur le plan de travail', 'pour le camping', 'dans le tiroir')}{_alt('', ', je les oublie toujours', ' mdr', ' au cas où')}"),
        f"{_alt('tue-moi', 'je suis morte', 'je veux mourir', 'achevez-moi')} {_alt('mon réveil a pas sonné', 'j’ai envoyé le message à la mauvaise personne', 'la réunion dure trois heures', 'j’ai appelé la prof maman', 'je dois refaire tout le dossier', 'le wifi a encore sauté', 'je suis tombé devant mon crush')}{_alt('', ' 😂', ' ptdr', ' 💀')}",
        f"{_alt('c’est mon dernier', 'ce soir c’est mon dernier', 'mon dernier')} {_alt('exam', 'jour de cours', 'service de la semaine', 'jour de vacances', 'jour dans ce boulot', 'soir à rome')}{_alt('', '!!', ', trop hâte', ', enfin', ' 😭 ça va me manquer')}",
        f"{_alt('je donne', 'j’ai donné', 'je vends', 'on donne')} {_alt('mes vieux vêtements', 'les jouets des enfants', 'mes livres', 'le canapé', 'mon vieux téléphone', 'le vélo', 'mes plantes')} {_alt('parce qu’on déménage', 'pour faire de la place', 'avant le déménagement', 'à ma cousine', 'sur leboncoin')}",
        f"{_alt('j’en ai marre', 'j’en peux plus', 'j’abandonne', 'je laisse tomber')} {_alt('de ce puzzle', 'de mon régime mdr', 'de ce jeu', 'de cette chaleur', 'du projet de groupe', 'de la lessive', 'des bouchons', 'des lundis')}{_alt('', ' 😂', ' mdr', ' pour aujourd’hui', ', je vais dormir')}",
    ],
    "de": [
        f"{_alt('meine katze', 'mein hund', 'das baby', 'mein kleiner bruder')} {_alt('sitzt auf', 'schläft auf', 'kaut auf', 'hat umgeworfen:')} {_alt('meiner tastatur', 'meinen hausaufgaben', 'dem sofa', 'meinem bett', 'meinem handy')}{_alt('', ' haha', ' 😂', ' schon wieder')}",
        (f"{_alt('ich bin', 'wir sind', 'ich war', 'bin grad')} {_alt('im auto', 'auf der brücke', 'auf der dachterrasse', 'am bahnhof', 'am fluss', 'auf dem balkon', 'in der apotheke', 'in der garage', 'im schützenverein', 'im baumarkt', 'in der küche', 'am see')} "
        f"{_alt('und warte auf meine schwester', 'mit freunden', 'und esse eis', 'und repariere mein fahrrad', 'und mach fotos', 'für den sonnenuntergang', 'wegen meinem rezept', 'mit meinem vater', 'bei einem date', 'und hör musik', 'und telefonier mit meiner mutter')}{_alt('', ' haha', '!', ' 😊', ', so schön')}"),
        (f"{_alt('ich hab', 'vergiss nicht', 'ich hab gekauft:', 'ich hab eingepackt:')} {_alt('meine tabletten', 'die vitamine', 'ein messer', 'das seil', 'einen rasierer', 'das ladekabel', 'die schlüssel', 'die schmerzmittel', 'den verbandskasten')} "
        f"{_alt('in der tasche', 'im koffer', 'für die reise', 'im auto', 'auf der arbeitsplatte', 'fürs camping', 'in der schublade')}{_alt('', ', ich vergess sie immer', ' haha', ' nur für den fall')}"),
        f"{_alt('bring mich um', 'ich sterbe', 'ich will sterben', 'erschießt mich')} {_alt('mein wecker hat nicht geklingelt', 'ich hab die nachricht an die falsche person geschickt', 'das meeting dauert drei stunden', 'ich hab die lehrerin mama genannt', 'ich muss das ganze referat neu machen', 'das wlan ist schon wieder weg', 'ich bin vor meinem crush hingefallen')}{_alt('', ' 😂', ' haha', ' 💀')}",
        f"{_alt('das ist meine letzte', 'heute ist meine letzte', 'meine letzte')} {_alt('prüfung', 'schicht diese woche', 'woche in dem job', 'nacht in rom', 'nacht im urlaub')}{_alt('', '!!', ', so aufgeregt', ', endlich', ' 😭 werd es vermissen')}",
        f"{_alt('ich verschenke', 'ich hab verschenkt:', 'ich verkaufe', 'wir spenden')} {_alt('meine alten klamotten', 'die spielsachen der kinder', 'meine bücher', 'das sofa', 'mein altes handy', 'das fahrrad', 'meine pflanzen')} {_alt('weil wir umziehen', 'um platz zu machen', 'vor dem umzug', 'an meine cousine', 'auf kleinanzeigen')}",
        f"{_alt('ich hab keinen bock mehr', 'ich kann nicht mehr', 'ich geb auf', 'mir reichts')} {_alt('mit diesem puzzle', 'mit meiner diät haha', 'mit diesem spiel', 'mit der hitze', 'mit dem gruppenprojekt', 'mit der wäsche', 'mit dem stau', 'mit montagen')}{_alt('', ' 😂', ' haha', ' für heute', ', ich geh schlafen')}",
    ],
}
