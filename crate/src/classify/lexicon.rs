//! Candor's own word lists, French and English, written for this project.
//!
//! Owns: which words and phrases count as insults, swear words, slurs, identity groups,
//! dehumanising words, threats, taunts, complaint cues, praise, negative words, negators, question
//! forms, urgency and spam cues, and which set phrases are idioms whose words mean something else.
//! Entries are written naturally ("connard", "still waiting") and keyed at start-up through the
//! same normalisation as comments, so accents, elongations and l33t all meet.

use std::sync::OnceLock;

use crate::text::hash::FnvMap;
use crate::text::{normalize, TokenKind};

/// Classes a lexicon entry belongs to (bit set).
pub type Classes = u64;

pub const INSULT: Classes = 1 << 0;
/// Adjectives that insult only when aimed at a person ("stupid app" is criticism).
pub const INSULT_WEAK: Classes = 1 << 1;
pub const PROFANITY: Classes = 1 << 2;
pub const SLUR: Classes = 1 << 3;
pub const IDENTITY: Classes = 1 << 4;
pub const DEHUMANISING: Classes = 1 << 5;
pub const THREAT: Classes = 1 << 6;
pub const COMPLAINT: Classes = 1 << 7;
pub const NEGATIVE: Classes = 1 << 8;
pub const POSITIVE: Classes = 1 << 9;
pub const NEGATOR: Classes = 1 << 10;
pub const QUESTION: Classes = 1 << 11;
/// Auxiliaries that open an English yes/no question ("can you", "is it").
pub const QUESTION_AUX: Classes = 1 << 12;
pub const SECOND_PERSON: Classes = 1 << 13;
pub const SPAM: Classes = 1 << 14;
pub const URGENT: Classes = 1 << 15;
pub const LEGAL: Classes = 1 << 16;
/// Words that disapprove of an insult or a slur: counter-speech.
pub const COUNTER: Classes = 1 << 17;
/// Words of repetition and failure that turn "great" into sarcasm ("third outage this week").
pub const LETDOWN: Classes = 1 << 18;
pub const INTENSIFIER: Classes = 1 << 19;
/// Requests for help or information ("please help", "aidez-moi").
pub const REQUEST: Classes = 1 << 20;
/// Reported speech: "he called me", "traité de".
pub const REPORTING: Classes = 1 << 21;
/// First person: the author speaking of their own case.
pub const FIRST_PERSON: Classes = 1 << 22;
/// Third person: someone who is not the author nor the reader ("he is stupid").
pub const THIRD_PERSON: Classes = 1 << 23;
/// Words that are insults or swear words only in French ("con" is a swindle in English).
pub const FRENCH_ONLY: Classes = 1 << 24;
/// Pointed call-outs that are sarcastic beside a grievance ("nice try", "on vous voit").
pub const SARCASM_MARK: Classes = 1 << 25;
/// A problem put right ("sorted", "fixed", "réglé"): thanked for, it is praise, not a complaint.
pub const RESOLVED: Classes = 1 << 26;
/// Thanks ("thank you", "merci").
pub const THANKS: Classes = 1 << 27;
/// Words that insult only in English and mean something plain in French ("retard" is a delay):
/// in French text they keep their French classes only, elsewhere their insult only.
pub const ENGLISH_INSULT_ONLY: Classes = 1 << 28;
/// An apology in a team's voice ("we are sorry", "nous sommes désolés"): the writer answers a
/// grievance, so what it apologises for is not theirs. Not a model feature (see `CLASS_NAMES`).
pub const APOLOGY: Classes = 1 << 29;
/// Someone who may need care (a baby, a wheelchair user, a pregnancy) or a place or thing of care
/// (a hospital, insulin), and words with an everyday sense ("fire", "feu", "fuite"): urgent only in
/// the author's own case or beside a grievance, not in "the baby changing table is great". Always
/// given with [`URGENT`]. Not a model feature (see `CLASS_NAMES`).
pub const VULNERABLE: Classes = 1 << 30;
/// Taunts, gloating and contempt that need no insult word ("cry more", "get a life", "personne
/// t'a demandé", "hope you go bust"): trolling by themselves. Not a model feature.
pub const TAUNT: Classes = 1 << 31;
/// Set phrases whose words mean something else together ("hands down", "pas mal", "no worries"):
/// inside one, the words lose their own classes and the phrase's other classes stand. Not a model
/// feature.
pub const IDIOM: Classes = 1 << 32;

const ENTRIES: &[(Classes, &str)] = &[
    // Insults aimed at a person (EN).
    (INSULT, "idiot idiots moron morons imbecile imbeciles cretin loser losers clown clowns jerk jerks scum scumbag dumbass dipshit asshole assholes arsehole bastard bastards bitch bitches dickhead twat wanker prick douche douchebag cunt cunts slut whore hoe piece-of-shit pos garbage-human degenerate degenerates buffoon fool fools idiotic numpty tosser pig pigs snowflake libtard libtards"),
    // Insults aimed at a person (FR).
    (INSULT, "connard connards connasse connasses con cons conne connes abruti abrutis abrutie abruties debile debiles cretin cretins cretine cretines idiote idiotes imbecile imbeciles encule encules enculer salope salopes pute putes fdp ntm batard batards batarde bouffon bouffons cassos gogol gogols mongol mongols mongole attarde attardes tocard tocards naze nazes blaireau blaireaux boloss bolosse pd tarlouze guignol guignols minable minables raclure ordure ordures merdeux sous-merde gueux teubé teube clochard baltringue pouffiasse grognasse cinglé"),
    // More name-calling, general vocabulary (EN, then FR): none of it names a product.
    (INSULT, "freak freaks goon goons thug thugs traitor traitors lunatic lunatics psycho psychos nutjob nutjobs nutcase weirdo weirdos creep creeps sleazebag sleazeball hag crook crooks kook kooks snowflakes sheeple rapist rapists pedo pedos pedophile pedophiles paedophile nazi nazis commie commies fascist fascists lowlife lowlifes halfwit dimwit nitwit dork doofus airhead bimbo skank coward cowards pussy jackass jackasses smartass"),
    (INSULT, "salaud salauds salopard salopards fumier fumiers pourriture pourritures crapule crapules voyou voyous larbin larbins psychopathe psychopathes charogne charognes collabo collabos facho fachos traitre traitres crevard crevards pignouf pignoufs fripouille fripouilles nazi nazis pedophile pedophiles violeur violeurs lache laches"),
    (INSULT | FRENCH_ONLY, "tare tares taree tarees"),
    (INSULT | FRENCH_ONLY, "con cons"),
    (INSULT | ENGLISH_INSULT_ONLY, "retard retards"),
    // A French word that is plain English ("laid off").
    (INSULT_WEAK | FRENCH_ONLY, "laid"),
    (PROFANITY | FRENCH_ONLY, "cul bite fous fout"),
    (INSULT_WEAK, "trash stupid dumb pathetic worthless useless incompetent incompetents incapable incapables clueless brainless ignorant ugly disgusting stupide stupides nul nuls nulle nulles incompetent incompetente incompetents pathetique ignorant ignorants moche laid degueulasse"),
    (PROFANITY, "fuck fucking fucked fucker fuckers fck fcking fk fuk effing motherfucker motherfucking shit shitty bullshit crap crappy damn goddamn dammit wtf stfu omfg ass arse bloody piss pissed bitch bitching dick dicks cock hell bollocks bugger screw screwed sucks"),
    (PROFANITY, "merde merdique putain ptn bordel chier chiant chiante chiants foutre foutu foutue foutez foutent couille couilles couillon enfoire enfoires emmerde emmerder emmerdeur emmerdes ta-gueule niquer nique niquez branleur branleurs branler fichu ta-gueule fait-chier"),
    (SLUR, "faggot faggots fag fags nigger niggers nigga tranny trannies kike kikes spic chink raghead towelhead wetback"),
    (SLUR, "bougnoule bougnoules youpin youpins pede pedes tapette tapettes bicot bicots raton ratons negre negres bamboula bamboulas gouine gouines crouille crouilles feuj chinetoque chinetoques sale-arabe sale-arabes sale-noir sale-juif sale-juive sale-musulman sale-pede sale-gay sale-immigre sale-migrant sale-race"),
    (IDENTITY, "muslim muslims islam islamic jew jews jewish black blacks arab arabs immigrant immigrants migrant migrants refugee refugees gay gays lesbian lesbians trans women woman feminist feminists asian asians mexican mexicans african africans gypsy gypsies roma christians disabled"),
    (IDENTITY, "musulman musulmans musulmane musulmanes islam islamiste islamistes juif juifs juive juives noir noirs noire noires arabe arabes rebeu rebeus beur beurs immigre immigres migrant migrants refugie refugies homo homos homosexuel homosexuels lesbienne lesbiennes trans femme femmes feministe feministes asiatique asiatiques africain africains renoi renois noich roms gitan gitans handicape handicapes maghrebin maghrebins"),
    (DEHUMANISING, "vermin rats rat cockroaches cockroach parasites parasite animals savages savage invaders invasion subhuman filth plague disease infestation deport exterminate"),
    (DEHUMANISING, "vermine rats rat cafards cafard parasites parasite animaux sauvages sauvage envahisseurs invasion sous-homme sous-hommes dechets racaille racailles singe singes chiens deporter exterminer remigration grand-remplacement"),
    // Hating or expelling a group: demeaning when the object is an identity group.
    (DEHUMANISING, "hate despise loathe expel deported deport-them get-rid deteste detestons detestent hais hait hair virer degager expulser dehors gazer"),
    (THREAT, "kill killing murder shoot stab burn beat hang lynch destroy-you hunt kys i'll-find gonna-kill will-kill"),
    (THREAT, "tuer tue crever buter egorger bruler cramer frapper defoncer defonce eclater pendre je-vais-te on-va-te retrouver-ou"),
    // Trolling with no insult word: taunts, gloating over someone's loss, contempt for the reader.
    (TAUNT, "cry-more keep-crying get-a-life go-touch-grass touch-grass nobody-asked no-one-asked who-asked stay-mad cope-harder ok-boomer make-me-a-sandwich couldnt-be-me not-reading-all-that sorry-that-happened iq-of brain-dead braindead brain-cells talentless shills corporate-parrots typical-woman typical-women hope-you-go-bust hope-it-goes-bust hope-you-all-lose hope-you-lose-your hope-it-fails hope-you-fail goes-to-zero"),
    (TAUNT, "personne-t'a-demande personne-ne-t'a-demande personne-vous-a-demande pleure-encore continue-de-pleurer chiale ouin-ouin va-travailler trouve-toi-une-vie va-te-trouver-une-vie retourne-a-l'ecole retourne-jouer ferme-la fermez-la t'as-pas-d'amis qi-d'une qi-de-moule que-vous-fassiez-faillite vivement-la-faillite"),
    // Denying a group a place: demeaning beside a group's name ("women shouldn't be allowed to…").
    (DEHUMANISING, "shouldnt-be-allowed should-not-be-allowed shouldn't-be-allowed ne-devraient-pas-avoir-le-droit devraient-etre-interdits"),
    (TAUNT, "votre-boite-coule ta-boite-coule que-vous-couliez"),
    // Veiled threats: where someone works or waits, said to them.
    (THREAT, "i-know-where-you-work we-know-where-you-work watch-yourself waiting-outside-your find-out-where-you-live find-out-where-your je-sais-ou-tu-travailles je-sais-ou-vous-travaillez on-sait-ou-tu-travailles je-t'attends-a-la-sortie je-vous-attends-a-la-sortie"),
    // Idioms: "best coffee in town, hands down" names no outage; "pas mal" is praise.
    (IDIOM | POSITIVE, "hands-down no-worries no-problem down-to-earth badass bad-ass to-die-for dead-easy crazy-good insanely-good stupidly-good wicked-good pas-mal une-tuerie c'est-de-la-bombe ca-dechire pas-de-souci pas-de-probleme sans-souci"),
    (IDIOM, "de-rien no-doubt pas-de-doute sans-doute"),
    // Registered mail is no recommendation; a dead horse is beaten by no one; "ça me tue" is
    // exasperation. "C'est con" calls a thing silly, where "t'es con" insults.
    (IDIOM, "en-recommande lettre-recommandee courrier-recommande envoi-recommande pli-recommande beat-a-dead-horse beating-a-dead-horse ca-me-tue"),
    (IDIOM | NEGATIVE, "c'est-con c'etait-con"),
    // Blows promised to someone: as phrases they threaten whoever reads them ("punch" alone also
    // punches tickets).
    (THREAT, "burns-down burn-down burn-it-down burned-down-with"),
    (THREAT, "punch-you punch-your-face punch-ur-face smash-your-face smash-ur-face smash-your-head slap-you strangle-you choke-you break-your-legs break-your-neck break-your-face beat-you-up find-you-after going-to-find-you gonna-find-you coming-for-you"),
    (THREAT, "casser-la-gueule peter-la-gueule te-casser-la-gueule te-peter-la-gueule vous-casser-la-gueule te-gifler te-frapper t'eclater te-retrouver vais-te-retrouver on-va-te-retrouver casser-les-dents"),
    // Threats that name no violence: the idiom is the threat, whoever it is said to.
    (THREAT, "watch-your-back watch-ur-back i-know-where-you-live we-know-where-you-live your-days-are-numbered sleep-with-one-eye-open you'll-pay-for-this"),
    (THREAT, "fais-gaffe-a-toi faites-gaffe-a-vous gare-a-toi gare-a-vous je-sais-ou-tu-habites on-sait-ou-tu-habites je-sais-ou-vous-habitez tes-jours-sont-comptes vos-jours-sont-comptes tu-ne-perds-rien-pour-attendre tu-perds-rien-pour-attendre tu-vas-me-le-payer vous-allez-me-le-payer"),
    (COMPLAINT, "refund refunds refunded broken broke damaged defective faulty delayed delay delays cancelled canceled cancellation late lost missing waiting waited wait overcharged charged charge billing bill scam scammed ripoff rip-off rude unacceptable disappointed disappointing disappointment complaint complain complained issue issues problem problems error errors glitch bug bugs crash crashes crashed outage down stuck stranded fix fixed repair replace replacement return returned hold on-hold ignored ignoring unanswered worst terrible horrible awful poor hours days weeks still again never-arrived not-working doesnt-work didnt-work stopped-working no-response no-reply fail failed failure useless wrong"),
    (COMPLAINT, "missed miss fault messed mess disappeared vanished second-time twice rebooked jeopardy unhelpful incompetence mistake mistakes overbooked dropped-the-ball not-received never-received ruined unprofessional downgraded bumped oversold money-back hung-up diverted fiasco"),
    (COMPLAINT, "rate loupe manque disparu disparue faute deux-fois inutile injoignable jamais-arrive pas-arrive pas-recu surfacture"),
    (COMPLAINT, "remboursement rembourser rembourse remboursez casse cassee defectueux defectueuse abime abimee retard retards annule annulee annulation perdu perdue perdus manquant attente attends attendre attendu facture factures facturation preleve prelevement arnaque arnaques arnaquer inadmissible inacceptable honteux honteuse decu decue decus deception plainte reclamation probleme problemes souci soucis bug bugs panne pannes coupure bloque bloquee erreur toujours-pas jamais-recu pas-recu ne-marche ne-fonctionne fonctionne-pas marche-pas scandale scandaleux lamentable pire repondez reponse"),
    (NEGATIVE, "bad worse worst terrible horrible awful poor sad angry upset annoyed annoying frustrated frustrating disappointed disappointing hate hated horrible disgusting nightmare joke ridiculous shame shameful fail failed fails sucks sucked wtf unhappy mess pathetic waste trash garbage fake lies lie liar liars crisis death dead dying kill killed war danger dangerous threat fear afraid scary sick hurt pain"),
    (NEGATIVE, "mauvais mauvaise mal pire nul nulle nuls horrible affreux affreuse triste colere enerve enervant decu decue deception honte honteux ridicule lamentable catastrophe catastrophique desastre scandale scandaleux inquietant inquietude peur grave danger dangereux menace mort morts crise pollution victimes echec echoue rate mensonge mensonges menteur faux fausse deplorable navrant inadmissible degoute degoutant marre galere dommage malheureusement helas"),
    (POSITIVE, "great good love loved lovely loving amazing awesome excellent perfect fantastic wonderful best nice cool happy glad thanks thank thx ty appreciate appreciated beautiful brilliant superb outstanding impressed impressive helpful recommend recommended favorite favourite enjoy enjoyed fun win wins winning proud congrats congratulations kudos well-done delighted pleased smooth quick fast friendly respect"),
    (POSITIVE, "super genial geniale geniaux bravo merci top parfait parfaite excellent excellente magnifique bien bon bonne bons bonnes adore aime aimer j'adore heureux heureuse content contente satisfait satisfaite ravi ravie formidable incroyable felicitations chapeau superbe sympa agreable rapide efficace recommande qualite beau belle beaux bravo respect"),
    // Tone words beyond the everyday ones: the sentiment sets are small, so a word they never show
    // still reads by its class (general French and English vocabulary, not mined from any set).
    (NEGATIVE, "dreadful outrageous outraged outrage furious livid disgusted appalling appalled atrocious abysmal lousy mediocre miserable misery depressing depressed worried worrying alarming tragic tragedy disaster disastrous catastrophe horrific horrendous terrifying heartbroken heartbreaking devastated devastating cruel cruelty unfair injustice corrupt corruption dishonest lying hypocrite hypocrisy nonsense absurd boring fed-up regret regrettable unfortunately sadly shocking shocked insane dumpster-fire"),
    (NEGATIVE, "odieux odieuse insupportable injuste injustes injustice scandaleuse pitoyable grotesque absurde mepris meprisant arrogant arrogance trahison trahi corrompu corrompus corruption violence violences haine drame dramatique tragedie tragique attentat chomage precarite misere pauvrete souffrance indignation indigne indignes regrettable inquiet inquiete inquietante alarmant alarmante ecoeurant revoltant revoltee furieux furieuse agace agacant penible foireux mediocre decevant decevante fiasco naufrage chaos massacre crime crimes hypocrite hypocrisie propagande manipulation desinformation tristesse deuil larmes"),
    (POSITIVE, "excited exciting thrilled blessed joy joyful incredible terrific fabulous phenomenal marvellous marvelous stellar splendid spectacular magnificent adorable cute sweet charming gorgeous stunning inspiring inspirational hero heroes legend success successful victory hope hopeful yay hooray masterpiece flawless seamless reliable easy pleasure"),
    (POSITIVE, "bonheur joie joyeux joyeuse fier fiere fierte merveilleux merveilleuse chouette reussite reussi reussie succes victoire espoir bienvenue sublime splendide adorable passionnant passionnante enthousiaste enthousiasme solidarite courage courageux courageuse remarquable extraordinaire exceptionnel exceptionnelle fantastique impeccable nickel plaisir meilleur meilleure meilleurs bonne-nouvelle trop-bien"),
    (NEGATOR, "not no never dont doesnt didnt isnt wasnt arent werent cant cannot couldnt wont wouldnt shouldnt hasnt havent hadnt aint nothing nobody none neither nor without"),
    (NEGATOR, "pas jamais aucun aucune rien personne ni sans guere nullement plus-du-tout"),
    (QUESTION, "how what when where why who whom which whose anyone anybody"),
    (QUESTION, "comment quand pourquoi combien quel quelle quels quelles est-ce lequel laquelle qui-peut ou-est ou-sont"),
    (QUESTION_AUX, "can could will would is are do does did should may have has was were shall"),
    (SECOND_PERSON, "you your youre yours yourself u ur ya y'all yall"),
    (SECOND_PERSON, "tu toi te t ton ta tes vous votre vos tes"),
    (THIRD_PERSON, "he she him her they them his hers himself herself themselves il elle ils elles lui leur eux"),
    (FIRST_PERSON, "i me my mine im ive id myself we our us je j moi mon ma mes nous notre nos"),
    (SPAM, "subscribe subscribers sub4sub channel follow followers giveaway giveaways promo promotion discount coupon code free win winner prize bitcoin btc crypto cryptocurrency ethereum forex invest investment investing investor earn earning earnings money cash income profit profits dm inbox whatsapp telegram click visit check-out checkout website link bio sale deals deal offer offers limited cheap onlyfans xxx"),
    (SPAM, "abonnez abonne abonnez-vous abonnement chaine suivez suivre concours gagnez gagner gratuit gratuite gratuits cadeau cadeaux promo reduction offre offres lien site argent investir investissement gains revenus mp cliquez visitez"),
    (URGENT, "emergency urgent urgently danger dangerous unsafe injured injury injuries bleeding ambulance poisoning poisoned food-poisoning choking gas-leak carbon-monoxide electrocuted suicide suicidal overdose rash hives vomiting vomited fainted passed-out seizure anaphylactic no-power no-water no-heat no-heating power-outage abused harassed harassment stalker stalking"),
    (URGENT | VULNERABLE, "hurt hospital allergic allergy allergies fire smoke leak leaking pregnant elderly disabled wheelchair baby infant toddler insulin oxygen medication medicine blackout stranded"),
    (URGENT, "urgence urgent urgente danger dangereux dangereuse blesse blessee blessure blessures ambulance intoxication intoxique incendie fuite-de-gaz monoxyde electrocute suicide suicidaire urticaire vomissements vomi evanoui evanouie convulsions sans-electricite sans-eau sans-chauffage coupure-electricite harcele harcelee harcelement"),
    (URGENT | VULNERABLE, "hopital allergie allergique feu fumee fuite gaz enceinte bebe nourrisson personne-agee handicapee fauteuil insuline oxygene medicament medicaments"),
    (LEGAL, "lawyer lawyers attorney sue suing lawsuit court legal-action small-claims ombudsman regulator fraud police report-you consumer-rights"),
    (LEGAL, "see-you-in-court take-you-to-court taking-you-to-court report-you-to on-se-verra-au-tribunal rendez-vous-au-tribunal porter-plainte porte-plainte plainte-deposee"),
    (LEGAL, "avocat avocats plainte tribunal tribunaux justice proces poursuivre poursuites huissier dgccrf ufc-que-choisir mediateur police gendarmerie illegal illegale escroquerie escroc"),
    (COUNTER, "racist racism sexist sexism homophobic homophobia hateful bigot bigotry unacceptable not-ok not-okay not-cool stop-calling stop-saying offensive disgraceful shameful inappropriate wrong-to report reported"),
    (COUNTER, "raciste racisme sexiste sexisme homophobe homophobie haineux haineuse inacceptable pas-ok pas-normal pas-acceptable arretez-de arrete-de stop-au signale signaler honte-a inadmissible deplace"),
    (LETDOWN, "again another third fourth fifth once-again as-usual every-time everytime every-single-time each-time outage outages thanks-for-nothing yet-again"),
    (LETDOWN, "encore-une encore-un troisieme quatrieme cinquieme comme-dhabitude comme-d'habitude a-chaque-fois chaque-fois merci-pour-rien encore-une-fois"),
    (SARCASM_MARK, "we-see-you i-see-you nice-try good-try how-convenient what-a-surprise big-surprise shocker surprise-surprise sure-jan well-played on-vous-voit je-vous-vois bien-essaye bien-tente comme-par-hasard quelle-surprise sans-surprise bien-joue"),
    (RESOLVED, "sorted sorted-out sorting fixed fixing resolved resolving solved solving repairing replacing refunding repaired replaced refunded reimbursed restored working-again works-again back-online back-up found recovered unblocked corrected resent"),
    (RESOLVED, "regle reglee regles resolu resolue resolus repare reparee rembourse remboursee remplace remplacee retabli retablie retrouve retrouvee depanne depannee fonctionne-a-nouveau remarche corrige corrigee arrange arrangee rattrape debloque debloquee recupere recuperee renvoye renvoyee"),
    (THANKS, "thanks thank thx ty cheers grateful merci remercie remercier reconnaissant reconnaissante"),
    (APOLOGY, "we-are-sorry we-re-sorry were-sorry we-apologise we-apologize we-do-apologise we-do-apologize our-apologies our-sincere-apologies sorry-for-the-inconvenience"),
    (APOLOGY, "nous-sommes-desoles nous-sommes-desolees nous-sommes-vraiment-desoles nos-excuses nous-nous-excusons desoles-pour-le-desagrement"),
    // Service that failed the customer, and customers on their way out: the words of complaints in
    // general, not of one trade.
    (COMPLAINT, "denied refused refuses rejected declined disconnected cut-off wasted waste-of lied misleading false-advertising charged-twice double-charged locked-out cant-log-in cant-login cant-access wont-load keeps-crashing not-loading unreliable understaffed no-help no-answer no-update no-updates no-info no-communication nobody-answers no-one-answers left-waiting kept-waiting still-no still-not still-waiting still-havent havent-received hasnt-arrived never-came never-showed no-show compensation reimburse reimbursement take-my-business switching-to never-again cancel-my-subscription closing-my-account"),
    (COMPLAINT, "refuse refusee refuses rejete rejetee personne-ne-repond aucune-reponse pas-de-reponse sans-reponse toujours-rien toujours-aucune jamais-eu raccroche impossible-de-joindre impossible-de-se-connecter lenteur relance relances relancer publicite-mensongere jamais-livre pas-livre non-livre indemnisation dedommagement geste-commercial resilier resiliation je-resilie plus-jamais ras-le-bol"),
    // Things that cannot be used, reached or stood, and help that never came: how a service
    // fails, in any trade.
    (COMPLAINT, "ruining nasty filthy dirty gross inedible unusable unreachable overcrowded cramped smelly impossible took-forever takes-forever taking-forever no-one-will no-one-has nobody-will nobody-has no-one-helped nobody-helped no-compensation never-works never-work never-worked keeps-freezing keeps-failing keeps-dropping keeps-logging logs-me-out kicked-me-out testing-my-patience trying-my-patience losing-my-patience out-of-patience"),
    (COMPLAINT, "crade degueu infect infecte inutilisable immangeable inmangeable personne-ne-m'a personne-ne-veut aucune-compensation aucun-geste des-heures-d'attente marche-jamais fonctionne-jamais marchent-jamais fonctionnent-jamais ne-marchent ne-fonctionnent marchent-pas fonctionnent-pas supprime supprimee supprimes supprimees trompe trompes trompee trompees me-deconnecte a-bout-de-patience ma-patience-a-des-limites"),
    // More of the same, from how French and English customers say a service let them down.
    (COMPLAINT, "truque truquee truques truquees pour-rien ca-rame qui-plante lent lente lents lentes perime perimee perimes perimees date-depassee rupture-de-stock c'est-pas-possible ce-n'est-pas-possible pas-acces plus-acces aucun-acces pas-de-reseau plus-de-reseau pas-d'internet plus-d'internet personne-ne-previent sans-prevenir pas-nettoye pas-nettoyee arretez-de-mentir"),
    (COMPLAINT, "or-what too-much-to-ask how-did-this-pass who-decided who-thought treated-like treated-me-like treated-us-like treated-him-like treated-her-like no-warning not-even-a not-even-an hire-more traite-comme traites-comme traitee-comme traitees-comme pas-meme-un pas-meme-une embauchez"),
    (NEGATIVE, "sneaky"),
    (COMPLAINT, "out-of-stock no-signal no-internet without-warning without-notice not-cleaned expired rigged for-nothing"),
    (NEGATIVE, "saoule saoulant relou gonfle gonflant"),
    // Rhetorical questions that voice a grievance ("vous êtes sérieux ?", "ça sert à quoi ?").
    (COMPLAINT, "are-you-serious are-you-kidding you-must-be-joking is-this-a-joke how-is-this-acceptable how-is-that-acceptable what-is-the-point whats-the-point"),
    (COMPLAINT, "vous-etes-serieux t'es-serieux vous-etes-pas-genes ca-sert-a-quoi a-quoi-ca-sert pour-quel-service vous-vous-moquez vous-vous-foutez on-se-moque-de-qui trouvez-vous-normal"),
    (COMPLAINT, "price-hike price-hikes price-increase prices-up went-up gone-up going-up overpriced pricier more-expensive hausse hausses augmentation trop-cher plus-cher ont-augmente a-augmente encore-augmente"),
    (INTENSIFIER, "very so really too extremely totally absolutely completely utterly super tres vraiment trop tellement grave completement totalement absolument"),
    (REQUEST, "please help assist advise info information contact dm-us send-us let-me-know"),
    (REQUEST, "svp stp s'il aidez aider aide renseignement renseignements informations info besoin"),
    (REPORTING, "called calling call calls said says told named traite traiter traitent traites dit dire appele appeler qualifie"),
];

/// The lexicon keyed by the normal key of each entry ("two words" joined by one space).
pub fn lexicon() -> &'static FnvMap<String, Classes> {
    static LEXICON: OnceLock<FnvMap<String, Classes>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut map: FnvMap<String, Classes> = FnvMap::default();
        for (classes, words) in ENTRIES {
            for entry in words.split_whitespace() {
                if let Some(key) = entry_key(entry) {
                    *map.entry(key).or_default() |= *classes;
                }
            }
        }
        map
    })
}

/// The key of a written entry: its words (joined by '-' in the source) normalised like comments.
fn entry_key(entry: &str) -> Option<String> {
    let spaced = entry.replace('-', " ");
    let tokens = normalize(&spaced).tokens;
    let keys: Vec<&str> = tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map(|t| t.key.as_str())
        .collect();
    (!keys.is_empty()).then(|| keys.join(" "))
}

/// For each word that opens a multi-word entry, the most words such an entry has.
pub fn phrase_starts() -> &'static FnvMap<String, usize> {
    static STARTS: OnceLock<FnvMap<String, usize>> = OnceLock::new();
    STARTS.get_or_init(|| {
        let mut map: FnvMap<String, usize> = FnvMap::default();
        for key in lexicon().keys() {
            let words: Vec<&str> = key.split(' ').collect();
            if words.len() > 1 {
                let longest = map.entry(words[0].to_string()).or_default();
                *longest = (*longest).max(words.len());
            }
        }
        map
    })
}

/// Every proper beginning of a multi-word entry of two words or more ("i know", "i know where"
/// for "i know where you live"): a phrase being read stops as soon as it is none.
pub fn phrase_prefixes() -> &'static FnvMap<String, ()> {
    static PREFIXES: OnceLock<FnvMap<String, ()>> = OnceLock::new();
    PREFIXES.get_or_init(|| {
        let mut map: FnvMap<String, ()> = FnvMap::default();
        for key in lexicon().keys() {
            let words: Vec<&str> = key.split(' ').collect();
            for end in 2..words.len() {
                map.insert(words[..end].join(" "), ());
            }
        }
        map
    })
}

/// Looks up one key (a word's key, or two keys joined by a space).
pub fn lookup(key: &str) -> Classes {
    lexicon().get(key).copied().unwrap_or(0)
}

/// The classes a French word takes from its masculine or singular form when the lexicon lists only
/// that ("ratée", "perdues", "abîmés" → "rate", "perdue", "abime"): the content classes only, so a
/// function word or an English look-alike ("sales" → "sale", an offer) gains nothing.
pub fn lookup_french_inflection(key: &str) -> Classes {
    const CONTENT: Classes = COMPLAINT
        | NEGATIVE
        | POSITIVE
        | INSULT
        | INSULT_WEAK
        | URGENT
        | LEGAL
        | DEHUMANISING
        | RESOLVED;
    if key.chars().count() < 5 {
        return 0;
    }
    ["es", "s", "e"]
        .iter()
        .filter_map(|ending| key.strip_suffix(ending))
        .map(|stem| lookup(stem) & CONTENT)
        .find(|&classes| classes != 0)
        .unwrap_or(0)
}

/// Looks up a masked word ("f*ck", "c**nard") against single-word insults and swear words: each
/// `*` stands for one or more hidden letters.
pub fn lookup_masked(key: &str) -> Classes {
    let stripped: String = key.chars().filter(|&c| c != '*').collect();
    let direct = lookup(&stripped);
    if direct != 0 {
        return direct;
    }
    let wanted = INSULT | PROFANITY | SLUR;
    let mut found = 0;
    for (entry, classes) in lexicon() {
        if classes & wanted != 0 && !entry.contains(' ') && masked_match(key, entry) {
            found |= classes & wanted;
        }
    }
    found
}

/// True when `pattern` (with `*` for one or more letters) spells `word`.
fn masked_match(pattern: &str, word: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let w: Vec<char> = word.chars().collect();
    // The visible letters must be there: at least two, and the first one must match.
    let visible = p.iter().filter(|&&c| c != '*').count();
    if visible < 2 || p.first() == Some(&'*') && p.len() < 3 {
        return false;
    }
    fn go(p: &[char], w: &[char]) -> bool {
        match (p.first(), w.first()) {
            (None, None) => true,
            (Some('*'), Some(_)) => (1..=w.len()).any(|k| go(&p[1..], &w[k..])),
            (Some(a), Some(b)) if a == b => go(&p[1..], &w[1..]),
            _ => false,
        }
    }
    go(&p, &w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of(word: &str) -> String {
        normalize(word).tokens[0].key.clone()
    }

    #[test]
    fn variants_meet_their_entries() {
        let cases: [(&str, Classes); 12] = [
            ("connard", INSULT),
            ("CONNAAARD", INSULT),
            ("c0nnard", INSULT),
            ("1d10t", INSULT),
            ("Débile", INSULT),
            ("merde", PROFANITY),
            ("remboursement", COMPLAINT),
            ("génial", POSITIVE),
            ("pourquoi", QUESTION),
            ("vous", SECOND_PERSON),
            ("abonnez", SPAM),
            ("hôpital", URGENT),
        ];
        for (word, class) in cases {
            assert_ne!(
                lookup(&key_of(word)) & class,
                0,
                "{word} -> {}",
                key_of(word)
            );
        }
    }

    #[test]
    fn french_inflections_take_the_content_classes_of_their_base_form() {
        let cases: [(&str, Classes); 7] = [
            ("ratée", COMPLAINT),
            ("perdues", COMPLAINT),
            ("abîmés", COMPLAINT),
            ("géniales", POSITIVE),
            // An English offer word and short function words gain nothing.
            ("sales", 0),
            ("tes", 0),
            ("vous", 0),
        ];
        for (word, class) in cases {
            let found = lookup_french_inflection(&key_of(word));
            if class == 0 {
                assert_eq!(found, 0, "{word}");
            } else {
                assert_ne!(found & class, 0, "{word}");
            }
        }
    }

    #[test]
    fn masked_words_match_by_shape() {
        let cases: [(&str, bool); 6] = [
            ("f*ck", true),
            ("sh*t", true),
            ("c*nnard", true),
            ("b***h", true),
            ("h*llo", false),
            ("*", false),
        ];
        for (word, want) in cases {
            let key = key_of(word);
            let hit = lookup_masked(&key) & (INSULT | PROFANITY) != 0;
            assert_eq!(hit, want, "{word} -> {key}");
        }
    }

    #[test]
    fn two_word_entries_are_keyed_with_a_space() {
        assert_ne!(lookup("no response") & COMPLAINT, 0);
        assert_ne!(lookup("toujours pas") & COMPLAINT, 0);
        assert_eq!(lookup(&key_of("still")) & COMPLAINT, COMPLAINT);
    }
}
