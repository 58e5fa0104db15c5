"""Templates that add variety to the hand-written seeds: each slot "{a|b|c}" is filled at random.

They go to the training split only; the dev split is hand-written seeds, so dev figures measure
phrasings the templates did not produce. Keys are (label, category); values map language to a
list of templates.
"""

TEMPLATES: dict[tuple[str, str], dict[str, list[str]]] = {
    ("crisis", "means"): {
        "en": [
            "{i have|i've got|i got|i bought|i've hidden|i've been keeping} {the rope|a rope|enough pills|all my pills|my dad's gun|a gun|a razor|the blades|a knife|a bottle of pills} {ready|in my room|under my bed|in my bag|next to me|right here|in the drawer}{| for tonight| for later|. i'm ready|, nobody knows|. i know what i'm going to do}",
            "{i'm|im|i am} {standing|sitting} {on the bridge|on the roof|on the ledge|at the edge of the cliff|on the balcony railing|by the train tracks|on top of the parking garage}{| right now| and i want to jump| and nobody knows i'm here| and i don't want to go back}",
            "{i've been|i'm|been} {saving|collecting|hoarding|stockpiling} {my pills|my meds|sleeping pills|painkillers|my antidepressants} {so i can take them all at once|for when i'm ready|for weeks now|for the night i do it}",
            "{the|my} {rope|noose|gun|blade|pills} {is|are} {ready|waiting|loaded|in my hand|right next to me}{| and i keep staring at it| and i'm not scared anymore|}",
            "{i'm|im} in the car {in the garage|in the woods|by the lake} {with the engine running|with the windows taped|with a hose}{| and i'm not getting out|}",
        ],
        "es": [
            "{tengo|ya tengo|compré|escondí} {la cuerda|una soga|las pastillas|todas mis pastillas|la pistola de mi papá|una cuchilla|la navaja} {lista|listas|en mi cuarto|debajo de la cama|en la mochila|al lado mío|en el cajón}{| para esta noche|. ya estoy listo|, nadie sabe}",
            "estoy {parado|parada|sentado|sentada} {en el puente|en la azotea|en el borde del techo|al borde del acantilado|en las vías del tren|en la baranda del balcón}{| ahora mismo| y quiero saltar| y nadie sabe que estoy aquí}",
            "{llevo semanas|estoy} {guardando|juntando|acumulando} {pastillas|mis antidepresivos|pastillas para dormir|calmantes} {para tomarlas todas juntas|para cuando esté listo|para la noche que lo haga}",
        ],
        "pt": [
            "{tenho|já tenho|comprei|escondi} {a corda|uma corda|os remédios|todos os meus remédios|a arma do meu pai|uma lâmina|a gilete} {pronta|prontos|no meu quarto|debaixo da cama|na mochila|do meu lado|na gaveta}{| pra hoje à noite|. já estou pronto|, ninguém sabe}",
            "estou {na ponte|no telhado|na beira da laje|na beira do penhasco|nos trilhos do trem|na grade da varanda}{| agora| e quero pular| e ninguém sabe que estou aqui}",
            "{faz semanas que estou|to} {juntando|guardando|acumulando} {remédios|meus antidepressivos|remédio pra dormir|comprimidos} {pra tomar tudo de uma vez|pra quando eu estiver pronta|pra noite que eu fizer}",
        ],
        "fr": [
            "{j'ai|j'ai déjà|j'ai acheté|j'ai caché} {la corde|une corde|les cachets|tous mes médicaments|le fusil de mon père|une lame|le rasoir} {prête|prêts|dans ma chambre|sous mon lit|dans mon sac|à côté de moi|dans le tiroir}{| pour ce soir|. je suis prêt|, personne ne sait}",
            "je suis {sur le pont|sur le toit|au bord du toit|au bord de la falaise|sur les rails|sur la rambarde du balcon}{| là maintenant| et je veux sauter| et personne ne sait que je suis là}",
            "{ça fait des semaines que je|je} {garde|stocke|mets de côté} {mes cachets|mes antidépresseurs|des somnifères|des médicaments} {pour tout prendre d'un coup|pour le jour où je serai prêt|pour le soir où je le ferai}",
        ],
        "de": [
            "{ich hab|ich hab schon|ich hab mir|ich hab versteckt} {das seil|ein seil|die tabletten|alle meine tabletten|die waffe von meinem vater|eine klinge|die rasierklinge} {bereit|in meinem zimmer|unterm bett|in der tasche|neben mir|in der schublade}{| für heute nacht|. ich bin bereit|, keiner weiß davon}",
            "ich {stehe|sitze} {auf der brücke|auf dem dach|am rand vom dach|an der klippe|an den gleisen|am balkongeländer}{| gerade| und will springen| und keiner weiß dass ich hier bin}",
            "ich {sammle|horte|bunkere} {seit wochen |}{tabletten|meine antidepressiva|schlaftabletten|schmerzmittel} {um alle auf einmal zu nehmen|für den tag an dem ich bereit bin|für die nacht in der ich es mache}",
        ],
    },
    ("crisis", "plan"): {
        "en": [
            "{tonight|this weekend|on friday|tomorrow night|after my exams|on my birthday|when everyone's asleep} {is when i do it|i'm going to kill myself|i'm ending it|i'm going to end my life|it ends|i'm going through with it}",
            "{i've|i have|i already} {written my note|picked the day|decided how|made my plan|set the date|chosen the place}{| and i'm not changing my mind|. it's happening| and i feel calm about it|}",
            "{this is|tonight is|today is} my last {night|day|message|weekend}{| on earth| alive| here|}",
            "by {tomorrow|morning|next week|monday} i {won't be here|will be gone|won't exist anymore|will be dead}{| and that's okay|. i've decided|}",
        ],
        "es": [
            "{esta noche|este finde|el viernes|mañana por la noche|después de los exámenes|en mi cumpleaños|cuando todos duerman} {lo hago|me mato|me quito la vida|acabo con todo|se termina todo}",
            "{ya|} {escribí la carta|elegí el día|decidí cómo|tengo el plan|puse la fecha|elegí el lugar}{| y no voy a cambiar de idea|. va a pasar| y me siento tranquilo}",
            "{esta es|hoy es|esta noche es} mi último {día|mensaje|fin de semana}{| aquí| con vida|}",
            "para {mañana|el lunes|la semana que viene} ya {no voy a estar|no voy a existir|voy a estar muerta|voy a estar muerto}",
        ],
        "pt": [
            "{hoje à noite|esse fim de semana|na sexta|amanhã à noite|depois das provas|no meu aniversário|quando todo mundo dormir} {eu faço|eu me mato|eu tiro minha vida|acabo com tudo|acaba tudo}",
            "{já|} {escrevi a carta|escolhi o dia|decidi como|tenho o plano|marquei a data|escolhi o lugar}{| e não vou mudar de ideia|. vai acontecer| e to tranquilo}",
            "{esse é|hoje é} meu último {dia|fim de semana}{| aqui| vivo|}",
            "até {amanhã|segunda|semana que vem} eu {não vou mais estar aqui|não vou existir mais|vou estar morta|vou estar morto}",
        ],
        "fr": [
            "{ce soir|ce week-end|vendredi|demain soir|après les exams|le jour de mon anniversaire|quand tout le monde dormira} {je le fais|je me tue|je mets fin à mes jours|j'en finis|tout s'arrête}",
            "{j'ai déjà|j'ai} {écrit ma lettre|choisi le jour|décidé comment|fait mon plan|fixé la date|choisi l'endroit}{| et je changerai pas d'avis|. ça va arriver| et je me sens calme}",
            "{c'est|ce soir c'est|aujourd'hui c'est} mon dernier {jour|message|week-end}{| ici| en vie|}",
            "{demain|lundi|la semaine prochaine} je {ne serai plus là|n'existerai plus|serai morte|serai mort}",
        ],
        "de": [
            "{heute nacht|dieses wochenende|am freitag|morgen abend|nach den prüfungen|an meinem geburtstag|wenn alle schlafen} {mach ich es|bring ich mich um|nehm ich mir das leben|mach ich schluss|ist es vorbei}",
            "ich hab {schon |}{meinen abschiedsbrief geschrieben|den tag ausgesucht|entschieden wie|einen plan|das datum festgelegt|den ort ausgesucht}{| und ändere meine meinung nicht|. es passiert| und bin ganz ruhig}",
            "{das ist|heute ist} mein letzter {tag|abend|brief}{| hier| am leben|}",
            "{morgen|montag|nächste woche} bin ich {nicht mehr da|tot|nicht mehr am leben}",
        ],
    },
    ("crisis", "goodbye"): {
        "en": [
            "{i've been|i started|i'm} giving {my things|my stuff|my clothes|my books|my games|my savings} away{| because i won't need them| to people who matter| so nobody has to deal with it later|}",
            "{if i'm not here|if you don't hear from me|if i'm gone} {next week|tomorrow|after tonight|by monday}, {it was my choice|don't blame yourself|know that i loved you|it's not your fault}",
            "{thank you for everything|thanks for always listening|i'm sorry for everything|you were good to me}. {goodbye|this is goodbye|bye forever|i won't be back}",
            "{please tell|tell} {my mom|my dad|my sister|my brother|my best friend} {i'm sorry|i love them|it wasn't their fault} {when i'm gone|after i'm gone|once i'm not here}",
        ],
        "es": [
            "{estoy|empecé a} regalando {mis cosas|mi ropa|mis libros|mis juegos|mis ahorros}{| porque ya no las voy a necesitar| para que nadie tenga que hacerlo después|}",
            "si {no estoy|no sabes de mí|ya no estoy} {la semana que viene|mañana|después de esta noche}, {fue mi decisión|no te culpes|sabe que te quise|no es tu culpa}",
            "{gracias por todo|gracias por escucharme siempre|perdón por todo}. {adiós|esto es un adiós|adiós para siempre|no voy a volver}",
            "dile a {mi mamá|mi papá|mi hermana|mi mejor amiga} que {lo siento|la quiero|no fue su culpa} cuando ya no esté",
        ],
        "pt": [
            "{estou|comecei a} {dando|doar} {minhas coisas|minhas roupas|meus livros|meus jogos}{| porque não vou mais precisar| pra ninguém ter que fazer isso depois|}",
            "se eu {não estiver aqui|sumir} {semana que vem|amanhã|depois de hoje}, {foi escolha minha|não se culpe|saiba que eu te amei|não é culpa sua}",
            "{obrigada por tudo|obrigado por sempre me ouvir|desculpa por tudo}. {adeus|isso é um adeus|tchau pra sempre|não vou voltar}",
            "fala pra {minha mãe|meu pai|minha irmã|minha melhor amiga} que {sinto muito|amo ela|não foi culpa dela} quando eu não estiver mais aqui",
        ],
        "fr": [
            "{je suis en train de donner|j'ai commencé à donner} {mes affaires|mes vêtements|mes livres|mes jeux}{| parce que j'en aurai plus besoin| pour que personne n'ait à le faire après|}",
            "si je {ne suis plus là|disparais} {la semaine prochaine|demain|après ce soir}, {c'était mon choix|t'en veux pas|sache que je t'aimais|c'est pas ta faute}",
            "{merci pour tout|merci de m'avoir toujours écouté|pardon pour tout}. {adieu|c'est un adieu|adieu pour toujours|je reviendrai pas}",
            "dis à {ma mère|mon père|ma sœur|ma meilleure amie} que {je suis désolé|je l'aime|c'est pas sa faute} quand je ne serai plus là",
        ],
        "de": [
            "ich {verschenke gerade|hab angefangen zu verschenken:} {meine sachen|meine klamotten|meine bücher|meine spiele}{| weil ich sie nicht mehr brauche| damit keiner das später machen muss|}",
            "wenn ich {nächste woche|morgen|nach heute nacht} nicht mehr da bin, {war es meine entscheidung|gib dir keine schuld|sollst du wissen dass ich dich lieb hatte|ist es nicht deine schuld}",
            "{danke für alles|danke dass du immer zugehört hast|entschuldigung für alles}. {lebt wohl|das ist ein abschied|für immer tschüss|ich komm nicht wieder}",
            "sag {meiner mutter|meinem vater|meiner schwester|meiner besten freundin} dass {es mir leid tut|ich sie lieb hab|es nicht ihre schuld war} wenn ich weg bin",
        ],
    },
    ("crisis", "passive"): {
        "en": [
            "{i wish|sometimes i wish|honestly i wish|i just wish} {i could fall asleep and not wake up|i wasn't alive|i could disappear for good|i'd never been born|i could stop existing|a truck would hit me|i'd die in my sleep}",
            "{everyone|my family|my friends|the world|my kids} would be {better off|happier} {without me|if i was dead|if i wasn't here}",
            "{i don't want to|i dont wanna|i don't really want to} {be alive|exist|wake up tomorrow|be here anymore|keep living}{| anymore| tbh|}",
            "{what's the point of|there's no point in|i see no point in} {living|being alive|waking up|going on}{| anymore| like this|}",
        ],
        "es": [
            "{ojalá|a veces ojalá|solo quisiera} {pudiera dormirme y no despertar|no estuviera viva|no estuviera vivo|pudiera desaparecer para siempre|no hubiera nacido|dejar de existir|me atropellara un camión}",
            "{todos|mi familia|mis amigos|el mundo} {estarían|estaría} mejor {sin mí|si yo no estuviera|si me muriera}",
            "ya no {quiero|tengo ganas de} {estar viva|estar vivo|existir|despertar mañana|estar aquí|seguir viviendo}",
        ],
        "pt": [
            "{queria|às vezes queria|só queria} {dormir e não acordar mais|não estar viva|não estar vivo|sumir pra sempre|nunca ter nascido|parar de existir|que um caminhão me atropelasse}",
            "{todo mundo|minha família|meus amigos|o mundo} {ficaria|estaria} melhor {sem mim|se eu não estivesse aqui|se eu morresse}",
            "não {quero|tenho vontade de} {estar viva|estar vivo|existir|acordar amanhã|estar aqui|continuar vivendo} {mais|}",
        ],
        "fr": [
            "{j'aimerais|parfois j'aimerais|je voudrais juste} {m'endormir et ne pas me réveiller|ne plus être en vie|disparaître pour toujours|n'être jamais né|arrêter d'exister|qu'un camion me renverse}",
            "{tout le monde|ma famille|mes amis|le monde} {serait|seraient} mieux {sans moi|si je n'étais pas là|si j'étais mort}",
            "je {veux|n'ai} plus {être en vie|exister|me réveiller demain|être là|continuer à vivre|envie de vivre}",
        ],
        "de": [
            "{ich wünschte|manchmal wünschte ich|ich will einfach} {ich könnte einschlafen und nicht aufwachen|ich wäre nicht am leben|ich könnte für immer verschwinden|ich wäre nie geboren|ich würde nicht existieren|mich würde ein lkw überfahren}",
            "{alle|meine familie|meine freunde|die welt} {wäre|wären} besser dran {ohne mich|wenn ich nicht da wäre|wenn ich tot wäre}",
            "ich will {nicht mehr leben|nicht mehr existieren|morgen nicht aufwachen|nicht mehr hier sein|nicht mehr weitermachen}",
        ],
    },
    ("crisis", "hopeless"): {
        "en": [
            "{i can't|i cant|i just can't} {do this anymore|take it anymore|keep going|go on like this|handle another day}{| and i want it to end| and i don't see a way out|. i'm done|, nothing will change}",
            "{nothing|life} {will ever get better|is never going to change|has any meaning anymore}{| for me| and i'm tired of trying|. i want out}",
            "{i'm|im|i am} {a burden|worthless|a waste of space|nothing but trouble} {to everyone|to my family|to the people around me}{| and they'd be relieved if i was gone|}",
        ],
        "es": [
            "ya no {puedo más|aguanto más|puedo seguir así}{| y quiero que se acabe| y no veo salida|, me rindo|}",
            "{nada|la vida} {va a mejorar nunca|no va a cambiar|ya no tiene sentido}{| para mí| y estoy cansada de intentarlo|}",
            "soy {una carga|un estorbo|un inútil} {para todos|para mi familia}{| y estarían aliviados si me fuera|}",
        ],
        "pt": [
            "não {aguento mais|consigo mais|dá mais pra continuar assim}{| e quero que acabe| e não vejo saída|, desisto|}",
            "{nada|a vida} {nunca vai melhorar|não vai mudar|não faz mais sentido}{| pra mim| e cansei de tentar|}",
            "sou {um peso|um estorvo|um inútil} {pra todo mundo|pra minha família}{| e eles iam ficar aliviados se eu sumisse|}",
        ],
        "fr": [
            "je {n'en peux plus|tiens plus|peux plus continuer comme ça}{| et je veux que ça s'arrête| et je vois pas d'issue|, j'abandonne|}",
            "{rien|la vie} {ne va jamais s'arranger|ne changera jamais|n'a plus de sens}{| pour moi| et j'en ai marre d'essayer|}",
            "je suis {un fardeau|un boulet|un poids} {pour tout le monde|pour ma famille}{| et ils seraient soulagés si je partais|}",
        ],
        "de": [
            "ich {kann nicht mehr|halte das nicht mehr aus|schaff das nicht mehr}{| und will dass es aufhört| und sehe keinen ausweg|, ich gebe auf|}",
            "{nichts|das leben} {wird je besser|wird sich nie ändern|hat keinen sinn mehr}{| für mich| und ich bin es leid es zu versuchen|}",
            "ich bin {eine last|eine belastung|nutzlos} {für alle|für meine familie}{| und sie wären erleichtert wenn ich weg wäre|}",
        ],
    },
    ("crisis", "self_injury"): {
        "en": [
            "{i|i've been|i keep|i started to} {cut|cutting|burn|burning|scratch|scratching|hit|hitting|bite|biting} {my arms|my thighs|my wrists|my legs|my stomach|myself} {until it bleeds|until they bleed|again|every night|on purpose|to feel something|when i'm alone}",
            "{i|i just} {relapsed|cut again|hurt myself again|burned myself again}{ after {two weeks|three months|a year} clean|}{| and i feel numb| and i hate myself| and i want to do it more|}",
            "{i need to|i really want to|i'm about to} {cut|hurt myself|burn myself|hit myself|cut deeper} {right now|tonight|so bad|again}",
        ],
        "es": [
            "me {corto|rasco|quemo|golpeo|muerdo} {los brazos|los muslos|las muñecas|las piernas} {hasta sangrar|otra vez|todas las noches|a propósito|para sentir algo}",
            "{recaí|me volví a cortar|me volví a lastimar|me volví a quemar}{ después de {dos semanas|tres meses|un año} limpia|}{| y me siento vacía| y me odio|}",
            "{necesito|tengo ganas de|estoy por} {cortarme|hacerme daño|quemarme|golpearme} {ya|esta noche|otra vez}",
        ],
        "pt": [
            "eu {corto|arranho|queimo|bato em} {meus braços|minhas coxas|meus pulsos|minhas pernas} {até sangrar|de novo|toda noite|de propósito|pra sentir alguma coisa}",
            "{tive recaída|me cortei de novo|me machuquei de novo|me queimei de novo}{ depois de {duas semanas|três meses|um ano} limpa|}{| e me sinto vazia| e me odeio|}",
            "{preciso|to com vontade de|to quase} {me cortar|me machucar|me queimar|me bater} {agora|hoje|de novo}",
        ],
        "fr": [
            "je me {coupe|griffe|brûle|frappe|mords} {les bras|les cuisses|les poignets|les jambes} {jusqu'au sang|encore|tous les soirs|exprès|pour ressentir quelque chose}",
            "{j'ai rechuté|je me suis recoupée|je me suis encore fait du mal|je me suis encore brûlé}{ après {deux semaines|trois mois|un an}|}{| et je me sens vide| et je me déteste|}",
            "{j'ai besoin de|j'ai trop envie de|je vais} {me couper|me faire du mal|me brûler|me frapper} {maintenant|ce soir|encore}",
        ],
        "de": [
            "ich {ritze|kratze|verbrenne|schlage|beiße} {mir die arme|mir die oberschenkel|mir die handgelenke|mich} {bis es blutet|wieder|jede nacht|absichtlich|um was zu spüren}",
            "{ich hatte einen rückfall|ich hab mich wieder geritzt|ich hab mich wieder verletzt|ich hab mich wieder verbrannt}{ nach {zwei wochen|drei monaten|einem jahr}|}{| und fühl mich leer| und hasse mich|}",
            "ich {muss mich|will mich|werd mich gleich} {ritzen|verletzen|verbrennen|schlagen} {jetzt|heute nacht|wieder}",
        ],
    },
    ("crisis", "method"): {
        "en": [
            "{what's|what is|whats} the {most painless|quickest|easiest|surest|least painful|fastest} way to {die|kill myself|end my life|end it|commit suicide|go}{| ?|?| please tell me|}",
            "how {many|much} {pills|sleeping pills|tylenol|paracetamol|ibuprofen|insulin|of my meds|xanax|advil} {would it take|does it take|do i need} to {die|kill me|not wake up|overdose|stop my heart}{?|}",
            "{what's|what is} the {lethal|fatal|deadly} dose of {paracetamol|acetaminophen|ibuprofen|my antidepressants|sleeping pills|insulin|aspirin}{?| for someone my weight?|}",
            "{how high|which floor|which bridge|how far} {do i need to jump from|is high enough|would kill me}{| to die|?|}",
            "{can you tell me|tell me|explain} how to {tie a noose|overdose|cut deep enough|hang myself|die without pain}",
        ],
        "es": [
            "{cuál es|cual es} la forma más {indolora|rápida|fácil|segura} de {morir|matarme|suicidarme|quitarme la vida}{?|}",
            "cuántas {pastillas|pastillas para dormir|paracetamol|ibuprofenos} {hacen falta|necesito} para {morir|matarme|no despertar}{?|}",
            "{cuál es|cual es} la dosis {letal|mortal} de {paracetamol|ibuprofeno|mis antidepresivos|pastillas para dormir}{?|}",
            "{dime|explícame} cómo {hacer un nudo de horca|sobredosificarme|cortarme lo suficiente|morir sin dolor}",
        ],
        "pt": [
            "qual o jeito mais {indolor|rápido|fácil|garantido} de {morrer|me matar|se matar|tirar minha vida}{?|}",
            "quantos {remédios|comprimidos|paracetamol|remédios pra dormir} {precisa|eu preciso} pra {morrer|me matar|não acordar}{?|}",
            "qual a dose {letal|fatal} de {paracetamol|ibuprofeno|antidepressivo|remédio pra dormir}{?|}",
            "{me diz|me explica} como {fazer um nó de forca|ter uma overdose|cortar fundo o suficiente|morrer sem dor}",
        ],
        "fr": [
            "quelle est la façon la plus {indolore|rapide|simple|sûre} de {mourir|me tuer|me suicider|mettre fin à mes jours}{?| ?|}",
            "combien de {cachets|somnifères|doliprane|paracétamol} {il faut|faut-il} pour {mourir|me tuer|ne pas se réveiller}{?|}",
            "quelle est la dose {mortelle|létale} de {paracétamol|ibuprofène|mes antidépresseurs|somnifères}{?|}",
            "{dis-moi|explique-moi} comment {faire un nœud coulant|faire une overdose|couper assez profond|mourir sans douleur}",
        ],
        "de": [
            "was ist die {schmerzloseste|schnellste|einfachste|sicherste} art {zu sterben|mich umzubringen|sich umzubringen|mir das leben zu nehmen}{?|}",
            "wie viele {tabletten|schlaftabletten|paracetamol|ibuprofen} {braucht man|brauche ich} um {zu sterben|nicht mehr aufzuwachen|mich umzubringen}{?|}",
            "was ist die {tödliche|letale} dosis {paracetamol|ibuprofen|von meinen antidepressiva|schlaftabletten}{?|}",
            "{sag mir|erklär mir} wie man {eine schlinge knotet|eine überdosis nimmt|tief genug schneidet|schmerzlos stirbt}",
        ],
    },
    ("crisis", "euphemism"): {
        "en": [
            "{i'm gonna|i wanna|lowkey wanna|might|i'm about to|thinking about|i really want to} {kms|unalive myself|sewer slide|ctb|self delete|rope|go toaster bath|take the long nap}{| fr| tonight| ngl| lol not joking| for real this time|}",
            "{sewer slide|unaliving|kms|ctb|roping} {is looking good|sounds nice|is all i think about|is the plan}{ rn| tonight| honestly|}",
        ],
        "es": [
            "{me quiero|quiero|ya quiero} {ir a dormir para siempre|desaparecer del mapa para siempre|irme de este mundo|apagarme para siempre|dejar de existir}{| ya| hoy| en serio|}",
        ],
        "pt": [
            "{quero|eu queria|só quero} {dormir pra sempre|sumir do mapa pra sempre|ir embora desse mundo|me apagar de vez|dar um fim em tudo}{| hoje| sério|}",
        ],
        "fr": [
            "{je veux|j'ai envie de|je vais} {dormir pour toujours|quitter ce monde|m'éteindre pour de bon|en finir|me foutre en l'air}{| ce soir| sérieux|}",
        ],
        "de": [
            "ich {will|möchte einfach|werd} {für immer schlafen|diese welt verlassen|mich für immer abmelden|schluss machen mit allem|mich wegmachen}{| heute| ernsthaft|}",
        ],
    },
    ("crisis", "eating"): {
        "en": [
            "{i haven't eaten|i've not eaten|i havent eaten anything} in {three|four|five|six|seven} days{ and {i fainted|i passed out|my heart is racing|i can't stand up|i'm shaking}|}",
            "{i make myself|i keep making myself|i forced myself to} {throw up|puke|purge|be sick} after {every meal|eating|dinner|anything i eat}{| and i can't stop| and there was blood|}",
            "{i took|i'm taking} {a whole box|way too many|a handful} of {laxatives|diet pills|water pills} {again|every day|today}{| and my chest hurts|}",
        ],
        "es": [
            "no como {hace|desde hace} {tres|cuatro|cinco} días{ y {me desmayé|me tiembla todo|el corazón me late rarísimo}|}",
            "me {obligo a|provoco el} vomitar después de {cada comida|comer|la cena}{| y no puedo parar|}",
        ],
        "pt": [
            "não como há {três|quatro|cinco} dias{ e {desmaiei|to tremendo|meu coração tá disparado}|}",
            "eu me {obrigo a|forço a} vomitar depois de {toda refeição|comer|jantar}{| e não consigo parar|}",
        ],
        "fr": [
            "je n'ai pas mangé depuis {trois|quatre|cinq} jours{ et {je me suis évanouie|je tremble|mon cœur s'emballe}|}",
            "je me fais vomir après {chaque repas|avoir mangé|le dîner}{| et je peux pas arrêter|}",
        ],
        "de": [
            "ich hab seit {drei|vier|fünf} tagen nichts gegessen{ und {bin umgekippt|zittere|mein herz rast}|}",
            "ich bring mich nach {jedem essen|dem essen|dem abendessen} zum erbrechen{| und kann nicht aufhören|}",
        ],
    },
    ("crisis", "plain"): {
        "en": [
            "{i want to|i'm going to|i really want to|i'm about to|i'm thinking about how to} {kill myself|end my life|take my own life|commit suicide|end it all|die}{| tonight| so bad| today|}",
            "{i'm|i am|i've been} {suicidal|feeling suicidal|having suicidal thoughts|thinking about suicide}{ again| lately| every day|}",
        ],
        "es": [
            "{quiero|me voy a|estoy pensando en} {matarme|suicidarme|quitarme la vida|acabar con mi vida}{| esta noche| ya|}",
            "{tengo|otra vez tengo} pensamientos suicidas{| todos los días|}",
        ],
        "pt": [
            "{quero|vou|to pensando em} {me matar|me suicidar|tirar minha vida|acabar com a minha vida}{| hoje| agora|}",
            "{to|estou} tendo pensamentos suicidas{| de novo| todo dia|}",
        ],
        "fr": [
            "{je veux|je vais|je pense à} {me tuer|me suicider|mettre fin à mes jours|en finir avec ma vie}{| ce soir| maintenant|}",
            "j'ai {encore |}des pensées suicidaires{| tous les jours|}",
        ],
        "de": [
            "ich {will|werde|denke darüber nach} {mich umbringen|mir das leben nehmen|suizid begehen|mich umzubringen}{| heute nacht| jetzt|}",
            "ich hab {wieder |}suizidgedanken{| jeden tag|}",
        ],
    },
    # --- Hard negatives ----------------------------------------------------------------------
}

# Shared by both labels at the same rate, so that none of them is a cue for either.
PREFIXES = {
    "en": ["", "", "", "hey. ", "idk. ", "so ", "honestly ", "ok so ", "can i tell you something? ", "um ", "i don't know how to say this but "],
    "es": ["", "", "", "oye. ", "no sé. ", "bueno ", "la verdad ", "te cuento algo? ", "ehh "],
    "pt": ["", "", "", "oi. ", "sei lá. ", "então ", "sinceramente ", "posso te contar uma coisa? ", "hmm "],
    "fr": ["", "", "", "salut. ", "jsp. ", "bon ", "franchement ", "je peux te dire un truc? ", "euh "],
    "de": ["", "", "", "hey. ", "keine ahnung. ", "also ", "ehrlich gesagt ", "kann ich dir was sagen? ", "ähm "],
}
SUFFIXES = {
    "en": ["", "", "", "...", ".", " tbh", " rn", " 😞", " 😭", " 🙃", " honestly", " idk"],
    "es": ["", "", "", "...", ".", " la verdad", " 😞", " 😭", " ya", " en serio"],
    "pt": ["", "", "", "...", ".", " sério", " 😞", " 😭", " sei lá", " mano"],
    "fr": ["", "", "", "...", ".", " franchement", " 😞", " 😭", " sérieux", " jsp"],
    "de": ["", "", "", "...", ".", " ehrlich", " 😞", " 😭", " echt", " irgendwie"],
}
# Ordinary openers that can stand before any message in a longer text.
LEAD_INS = {
    "en": ["work was long today.", "i got home a bit ago.", "my mom called earlier.", "it's raining again.", "i ate some toast.", "school was whatever.", "i can't sleep.", "it's 3am."],
    "es": ["hoy el trabajo fue largo.", "acabo de llegar a casa.", "mi mamá me llamó antes.", "está lloviendo otra vez.", "no puedo dormir.", "son las 3 de la mañana."],
    "pt": ["o trabalho hoje foi longo.", "acabei de chegar em casa.", "minha mãe ligou mais cedo.", "tá chovendo de novo.", "não consigo dormir.", "são 3 da manhã."],
    "fr": ["le boulot était long aujourd'hui.", "je viens de rentrer.", "ma mère a appelé tout à l'heure.", "il pleut encore.", "j'arrive pas à dormir.", "il est 3h du mat."],
    "de": ["die arbeit war heute lang.", "bin grad heimgekommen.", "meine mutter hat vorhin angerufen.", "es regnet schon wieder.", "ich kann nicht schlafen.", "es ist 3 uhr nachts."],
}


def _merge() -> None:
    from safety.training.templates_everyday import EVERYDAY_TEMPLATES
    from safety.training.templates_lexicon import LEXICON_TEMPLATES
    from safety.training.templates_mirror import MIRROR

    for key, by_language in EVERYDAY_TEMPLATES.items():
        TEMPLATES[key] = {lang: list(templates) for lang, templates in by_language.items()}

    for lang, by_category in MIRROR.items():
        for category, templates in by_category.items():
            TEMPLATES.setdefault(("none", category), {}).setdefault(lang, []).extend(templates)

    for key, by_language in LEXICON_TEMPLATES.items():
        for lang, templates in by_language.items():
            TEMPLATES.setdefault(key, {}).setdefault(lang, []).extend(templates)


_merge()
