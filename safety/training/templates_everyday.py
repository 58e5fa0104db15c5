"""Everyday templates (label "none"): the idioms, hobbies, news, medicine and sadness that share
words with a crisis and are not one. Merged into `templates.TEMPLATES` after the crisis ones."""

EVERYDAY_TEMPLATES: dict[tuple[str, str], dict[str, list[str]]] = {
    ("none", "idiom"): {
        "en": [
            "{this homework|my boss|this traffic|this heat|my job|this class|leg day|this deadline} {is killing me|will be the death of me|is murdering me}{| lol| 😂| ugh|}",
            "i {died|was dying|almost died|literally died} {laughing|of laughter|of embarrassment} {at that video|when he said that|in class|}{| 💀| lmao|}",
            "i'm {dying|starving|dying to|dead} {to see that movie|for a burger|to know|tired|of curiosity}{| lol|!|}",
            "my {phone|laptop|battery|plants|car battery} {is dying|died|are dying}{| again| ugh| lol|}",
            "{i could kill for|i'd murder} {a coffee|a pizza|some sleep|a nap}{ right now| lol|}",
        ],
        "es": [
            "{esta tarea|mi jefe|el tráfico|este calor|el trabajo} me {está matando|mata}{| jaja| uf|}",
            "me {muero|morí} de {risa|vergüenza|hambre|sueño|ganas}{| jajaja| 😂|}",
            "{mi móvil|la batería|mis plantas} se {está muriendo|murió|están muriendo}{| otra vez|}",
        ],
        "pt": [
            "{esse trabalho|meu chefe|esse trânsito|esse calor|a faculdade} tá me matando{| kkk| affs|}",
            "{morri|to morrendo|quase morri} de {rir|vergonha|fome|sono|vontade}{| kkkk| 😂|}",
            "{meu celular|a bateria|minhas plantas} {tá morrendo|morreu|estão morrendo}{| de novo|}",
        ],
        "fr": [
            "{ces devoirs|mon boss|ce trafic|cette chaleur|le boulot} me {tue|tuent}{| mdr| pff|}",
            "je {suis mort|suis morte|meurs|vais mourir} de {rire|honte|faim|fatigue}{| mdr| 😂|}",
            "{mon téléphone|la batterie|mes plantes} {est en train de mourir|est morte|crèvent}{| encore|}",
        ],
        "de": [
            "{diese hausaufgaben|mein chef|der verkehr|die hitze|die arbeit} {bringt|bringen} mich um{| haha| ugh|}",
            "ich {lach mich tot|hab mich totgelacht|sterbe vor hunger|bin todmüde}{| 😂| haha|}",
            "{mein handy|der akku|meine pflanzen} {stirbt|ist tot|gehen ein}{| schon wieder|}",
        ],
    },
    ("none", "hobby"): {
        "en": [
            "{we|i|my friends and i|my brother and i} went {bungee jumping|cliff jumping|base jumping|zip lining} {off|from} {a bridge|the bridge|a cliff|a tower|the dam} {last weekend|on vacation|yesterday|in new zealand}{| and it was amazing|, so scary lol|!!|}",
            "{i did|i tried|i'm learning} {rope climbing|top rope climbing|rappelling|knot tying|archery|clay shooting} {at the gym|with my dad|today|this week}{| and loved it|, my arms hurt lol|}",
            "{we went to|i went to} the shooting range {with my dad|for a birthday|yesterday}{| and i hit the target| and it was fun|}",
        ],
        "es": [
            "{fuimos|hicimos|hice} {puenting|salto en paracaídas|tirolesa|escalada con cuerda} {desde un puente|en la montaña|el finde|en vacaciones}{| y fue increíble|, qué miedo jaja|}",
        ],
        "pt": [
            "{fomos|fizemos|fiz} {bungee jump|paraquedismo|tirolesa|escalada com corda} {de uma ponte|na montanha|no fim de semana|nas férias}{| e foi incrível|, que medo kkk|}",
        ],
        "fr": [
            "{on a fait|j'ai fait} {du saut à l'élastique|du parachute|de la tyrolienne|de l'escalade avec corde} {depuis un pont|en montagne|ce week-end|en vacances}{| et c'était génial|, trop peur mdr|}",
        ],
        "de": [
            "{wir waren|ich war} {bungee springen|fallschirmspringen|klettern mit seil|beim seilrutschen} {von einer brücke|in den bergen|am wochenende|im urlaub}{| und es war mega|, so krass haha|}",
        ],
    },
    ("none", "news"): {
        "en": [
            "{we watched|i watched|my class watched|we saw} a {documentary|film|video|news report|ted talk} about {suicide prevention|teen mental health|self-harm awareness|eating disorders|gun violence}{ in class| last night| today|}",
            "{i read|i saw} {an article|a post|a report|the news} about {suicide rates|a bridge jumper|an overdose crisis|a shooting|the opioid epidemic}{ and it was sad| this morning|}",
        ],
        "es": [
            "{vimos|vi} un {documental|reportaje|video} sobre {prevención del suicidio|salud mental|autolesiones|trastornos alimentarios}{ en clase| anoche|}",
        ],
        "pt": [
            "{assistimos|assisti} um {documentário|vídeo|reportagem} sobre {prevenção do suicídio|saúde mental|automutilação|transtornos alimentares}{ na aula| ontem|}",
        ],
        "fr": [
            "{on a regardé|j'ai regardé} un {documentaire|reportage|film} sur {la prévention du suicide|la santé mentale|l'automutilation|les troubles alimentaires}{ en cours| hier soir|}",
        ],
        "de": [
            "{wir haben|ich hab} eine {doku|reportage|sendung} über {suizidprävention|psychische gesundheit|selbstverletzung|essstörungen} {im unterricht |gestern |}gesehen",
        ],
    },
    ("none", "medical"): {
        "en": [
            "{i took|just took|i'm taking} {two ibuprofen|a paracetamol|some tylenol|an advil|my allergy pill} for {my headache|the fever|my back|cramps|my tooth}{| and feel better| lol|}",
            "{what's|what is} the {max|maximum|recommended} dose of {paracetamol|ibuprofen|tylenol|melatonin} {for a fever|for an adult|per day|for my kid}{?|}",
        ],
        "es": ["me tomé {un ibuprofeno|un paracetamol|dos aspirinas} para {el dolor de cabeza|la fiebre|la espalda}{| y ya estoy mejor|}"],
        "pt": ["tomei {um ibuprofeno|um paracetamol|duas dipironas} pra {dor de cabeça|febre|cólica}{| e já melhorei|}"],
        "fr": ["j'ai pris {un ibuprofène|un doliprane|deux aspirines} pour {mon mal de tête|la fièvre|mon dos}{| et ça va mieux|}"],
        "de": ["ich hab {eine ibuprofen|eine paracetamol|zwei aspirin} gegen {kopfschmerzen|fieber|rückenschmerzen} genommen{| und es geht besser|}"],
    },
    ("none", "everyday"): {
        "en": [
            "{tonight is|this is} my last night {in paris|in the dorm|of vacation|before the trip|at this apartment|in town}{|, so sad| lol|!|}",
            "{i'm giving away|giving away|i gave away} {my old clothes|the couch|my old books|baby stuff} {because we're moving|to charity|to my cousin|since i redecorated}",
            "{i won't be|i'm not} online {next week|this weekend|for a few days} {because i'm camping|because of exams|since i'm travelling}{|, talk soon!|}",
            "{good morning|good night|hey|hi} {love|!|bestie|}{| how are you| what are you up to| i missed you|}",
        ],
        "es": [
            "{esta es|hoy es} mi última noche {en madrid|de vacaciones|en la residencia|antes del viaje}{| qué pena|!|}",
            "{estoy regalando|regalé} {ropa vieja|el sofá|libros viejos} {porque nos mudamos|a la beneficencia|a mi prima}",
        ],
        "pt": [
            "{essa é|hoje é} minha última noite {em lisboa|de férias|no alojamento|antes da viagem}{| que pena|!|}",
            "{estou doando|doei} {roupa velha|o sofá|livros velhos} {porque vamos mudar|pra caridade|pra minha prima}",
        ],
        "fr": [
            "{c'est|ce soir c'est} ma dernière nuit {à paris|de vacances|à la résidence|avant le voyage}{| trop triste|!|}",
            "{je donne|j'ai donné} {mes vieux vêtements|le canapé|des vieux livres} {parce qu'on déménage|à une association|à ma cousine}",
        ],
        "de": [
            "{heute ist|das ist} meine letzte nacht {in berlin|im urlaub|im wohnheim|vor der reise}{| schade|!|}",
            "ich {verschenke|hab verschenkt} {alte klamotten|das sofa|alte bücher} {weil wir umziehen|an die caritas|an meine cousine}",
        ],
    },
    ("none", "gaming"): {
        "en": ["{i|we} {killed|destroyed|finally beat} {the boss|the dragon|the other team|everyone} {in elden ring|in fortnite|in valorant|in the raid|}{ lol| gg|!|}",
               "my {character|guy|sim|squad} {keeps dying|died again|got killed} {on this level|in the lava|right before the checkpoint}{| 😭| ugh|}"],
        "es": ["{maté|matamos} {al jefe|al dragón|al otro equipo} {en el juego|en fortnite|}{| jaja| gg|}"],
        "pt": ["{matei|matamos} {o chefão|o dragão|o outro time} {no jogo|no fortnite|}{| kkk| gg|}"],
        "fr": ["{j'ai tué|on a tué} {le boss|le dragon|l'autre équipe} {dans le jeu|sur fortnite|}{| mdr| gg|}"],
        "de": ["{ich hab|wir haben} {den boss|den drachen|das andere team} {im spiel|in fortnite|} {gekillt|besiegt}{| haha| gg|}"],
    },
    ("none", "helping_friend"): {
        "en": ["{my friend|my sister|my brother|my girlfriend|my roommate|a classmate} {said she wants to die|told me he's cutting|is talking about suicide|said they want to kill themselves|is starving herself} {, how do i help?|, what should i do?|, i'm so worried about them|}"],
        "es": ["{mi amiga|mi hermano|mi novia|un compañero} {dice que se quiere morir|se está cortando|habla de suicidarse} {, cómo le ayudo?|, qué hago?|}"],
        "pt": ["{minha amiga|meu irmão|minha namorada|um colega} {disse que quer morrer|está se cortando|fala em se matar} {, como eu ajudo?|, o que eu faço?|}"],
        "fr": ["{mon amie|mon frère|ma copine|un camarade} {dit qu'elle veut mourir|se scarifie|parle de se suicider} {, comment l'aider?|, je fais quoi?|}"],
        "de": ["{meine freundin|mein bruder|ein kumpel|eine mitschülerin} {sagt sie will sterben|ritzt sich|redet von selbstmord} {, wie kann ich helfen?|, was soll ich tun?|}"],
    },
    ("none", "sad"): {
        "en": ["{i'm|feeling|i feel} {sad|lonely|stressed|exhausted|down|anxious} {today|tonight|this week|lately} {because of work|because of my exams|since the breakup|and i don't know why|}{| but i'll be okay| tbh|}"],
        "es": ["{estoy|me siento} {triste|sola|estresado|agotada|bajoneado} {hoy|esta semana|últimamente}{| por el trabajo| por los exámenes|}{| pero ya pasará|}"],
        "pt": ["{to|me sinto} {triste|sozinha|estressado|exausta|pra baixo} {hoje|essa semana|ultimamente}{| por causa do trabalho| por causa das provas|}{| mas vai passar|}"],
        "fr": ["je {suis|me sens} {triste|seule|stressé|épuisée|à plat} {aujourd'hui|cette semaine|en ce moment}{| à cause du boulot| à cause des exams|}{| mais ça va passer|}"],
        "de": ["ich {bin|fühl mich} {traurig|einsam|gestresst|erschöpft|down} {heute|diese woche|in letzter zeit}{| wegen der arbeit| wegen der prüfungen|}{| aber das wird wieder|}"],
    },
}
