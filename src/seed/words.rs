//! The French vocabulary the synthetic data is built from: names, cities, companies, and the
//! phrases of business e-mails by type and tone. Plain constants, no quotes or backslashes, so
//! they can be spliced into JSON text as they are (a unit test checks it).

/// `emails.email_type` (CHECK chk_email_type).
pub const EMAIL_TYPES: [&str; 6] = [
    "commercial",
    "relance",
    "rendez_vous",
    "reclamation",
    "remerciement",
    "information",
];
/// `emails.tone` (CHECK chk_tone).
pub const TONES: [&str; 4] = ["formel", "informel", "amical", "professionnel"];
/// `emails.urgency` (CHECK chk_urgency).
pub const URGENCIES: [&str; 4] = ["faible", "normale", "elevee", "urgente"];
/// `templates.category` (CHECK chk_category).
pub const CATEGORIES: [&str; 5] = ["commercial", "rh", "client", "fournisseur", "general"];

/// First names with their ASCII form for e-mail addresses.
pub const FIRST_NAMES: [(&str, &str); 48] = [
    ("Marie", "marie"),
    ("Jean", "jean"),
    ("Camille", "camille"),
    ("Nicolas", "nicolas"),
    ("Léa", "lea"),
    ("Thomas", "thomas"),
    ("Chloé", "chloe"),
    ("Julien", "julien"),
    ("Manon", "manon"),
    ("Antoine", "antoine"),
    ("Inès", "ines"),
    ("Hugo", "hugo"),
    ("Sarah", "sarah"),
    ("Lucas", "lucas"),
    ("Émilie", "emilie"),
    ("Mathieu", "mathieu"),
    ("Hélène", "helene"),
    ("François", "francois"),
    ("Céline", "celine"),
    ("Sébastien", "sebastien"),
    ("Isabelle", "isabelle"),
    ("Pierre", "pierre"),
    ("Nathalie", "nathalie"),
    ("Olivier", "olivier"),
    ("Sophie", "sophie"),
    ("Stéphane", "stephane"),
    ("Aurélie", "aurelie"),
    ("Guillaume", "guillaume"),
    ("Margaux", "margaux"),
    ("Théo", "theo"),
    ("Juliette", "juliette"),
    ("Maxime", "maxime"),
    ("Clémence", "clemence"),
    ("Romain", "romain"),
    ("Anaïs", "anais"),
    ("Benoît", "benoit"),
    ("Élodie", "elodie"),
    ("Jérôme", "jerome"),
    ("Laure", "laure"),
    ("Yannick", "yannick"),
    ("Océane", "oceane"),
    ("Karim", "karim"),
    ("Fatima", "fatima"),
    ("Mehdi", "mehdi"),
    ("Amélie", "amelie"),
    ("Gaëlle", "gaelle"),
    ("Loïc", "loic"),
    ("Agnès", "agnes"),
];

/// Last names with their ASCII form.
pub const LAST_NAMES: [(&str, &str); 48] = [
    ("Martin", "martin"),
    ("Bernard", "bernard"),
    ("Dubois", "dubois"),
    ("Thomas", "thomas"),
    ("Robert", "robert"),
    ("Richard", "richard"),
    ("Petit", "petit"),
    ("Durand", "durand"),
    ("Leroy", "leroy"),
    ("Moreau", "moreau"),
    ("Simon", "simon"),
    ("Laurent", "laurent"),
    ("Lefèvre", "lefevre"),
    ("Michel", "michel"),
    ("Garcia", "garcia"),
    ("David", "david"),
    ("Bertrand", "bertrand"),
    ("Roux", "roux"),
    ("Vincent", "vincent"),
    ("Fournier", "fournier"),
    ("Morel", "morel"),
    ("Girard", "girard"),
    ("André", "andre"),
    ("Lefebvre", "lefebvre"),
    ("Mercier", "mercier"),
    ("Dupont", "dupont"),
    ("Lambert", "lambert"),
    ("Bonnet", "bonnet"),
    ("François", "francois"),
    ("Martinez", "martinez"),
    ("Légaré", "legare"),
    ("Gauthier", "gauthier"),
    ("Chevalier", "chevalier"),
    ("Faure", "faure"),
    ("Rousseau", "rousseau"),
    ("Blanc", "blanc"),
    ("Guérin", "guerin"),
    ("Muller", "muller"),
    ("Henry", "henry"),
    ("Roussel", "roussel"),
    ("Nicolas", "nicolas"),
    ("Perrin", "perrin"),
    ("Morin", "morin"),
    ("Mathieu", "mathieu"),
    ("Clément", "clement"),
    ("Gaillard", "gaillard"),
    ("Benoît", "benoit"),
    ("Brunet", "brunet"),
];

/// Mail providers for the users' own addresses.
pub const MAIL_DOMAINS: [&str; 8] = [
    "gmail.com",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "outlook.fr",
    "sfr.fr",
    "yahoo.fr",
    "wanadoo.fr",
];

/// Company name parts: a kind of business and a legal form.
pub const COMPANY_KINDS: [&str; 16] = [
    "Boulangerie",
    "Transports",
    "Cabinet",
    "Atelier",
    "Imprimerie",
    "Menuiserie",
    "Laboratoires",
    "Garage",
    "Agence",
    "Pharmacie",
    "Conseil",
    "Bâtiment",
    "Librairie",
    "Fromagerie",
    "Distribution",
    "Informatique",
];
pub const COMPANY_FORMS: [&str; 6] = ["SARL", "SAS", "SA", "& Fils", "Frères", "EURL"];

/// French cities (login locations).
pub const CITIES: [&str; 24] = [
    "Paris",
    "Lyon",
    "Marseille",
    "Toulouse",
    "Nice",
    "Nantes",
    "Strasbourg",
    "Montpellier",
    "Bordeaux",
    "Lille",
    "Rennes",
    "Reims",
    "Le Havre",
    "Saint-Étienne",
    "Toulon",
    "Grenoble",
    "Dijon",
    "Angers",
    "Nîmes",
    "Clermont-Ferrand",
    "Aix-en-Provence",
    "Brest",
    "Tours",
    "Limoges",
];

/// User agents and the device type each one implies.
pub const USER_AGENTS: [(&str, &str); 8] = [
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", "desktop"),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15", "desktop"),
    ("Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", "desktop"),
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:124.0) Gecko/20100101 Firefox/124.0", "desktop"),
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1", "mobile"),
    ("Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36", "mobile"),
    ("Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1", "tablet"),
    ("ProMail/2.3.1 (Android 13; Pixel 7)", "mobile"),
];

/// Why a login failed.
pub const FAILURE_REASONS: [&str; 5] = [
    "mot de passe incorrect",
    "code 2FA invalide",
    "compte désactivé",
    "trop de tentatives",
    "adresse e-mail non vérifiée",
];

/// `email_analytics.action`.
pub const ACTIONS: [&str; 7] = [
    "generated",
    "viewed",
    "edited",
    "copied",
    "regenerated",
    "exported",
    "favorited",
];

/// `emails.status` other than `sent`.
pub const DRAFT_STATUSES: [&str; 3] = ["draft", "archived", "scheduled"];

/// API key names.
pub const API_KEY_NAMES: [&str; 8] = [
    "Intégration CRM",
    "Extension Outlook",
    "Zapier",
    "Script de synchronisation",
    "Application mobile",
    "Make (Integromat)",
    "Tests",
    "Intranet",
];

/// Subject lines by e-mail type; `{c}` is the recipient's company.
pub fn subjects(email_type: &str) -> &'static [&'static str] {
    match email_type {
        "commercial" => &[
            "Proposition commerciale pour {c}",
            "Offre de lancement réservée à {c}",
            "Découvrez notre nouvelle gamme",
            "Devis personnalisé pour {c}",
            "Une solution adaptée à vos besoins",
        ],
        "relance" => &[
            "Relance : notre proposition du mois dernier",
            "Suite à notre échange",
            "Facture en attente de règlement",
            "Votre avis sur notre devis",
            "Petit rappel concernant votre commande",
        ],
        "rendez_vous" => &[
            "Demande de rendez-vous",
            "Confirmation de notre rendez-vous",
            "Proposition de créneau pour une réunion",
            "Report de notre rendez-vous",
            "Invitation à une démonstration chez {c}",
        ],
        "reclamation" => &[
            "Réclamation concernant la commande en cours",
            "Livraison incomplète",
            "Produit défectueux reçu",
            "Erreur de facturation",
            "Retard de livraison important",
        ],
        "remerciement" => &[
            "Merci pour votre confiance",
            "Merci pour votre accueil chez {c}",
            "Remerciements suite à notre réunion",
            "Merci pour votre commande",
            "Un grand merci à toute l'équipe",
        ],
        _ => &[
            "Information importante",
            "Changement de nos horaires d'ouverture",
            "Nouvelle adresse de nos bureaux",
            "Mise à jour de nos conditions générales",
            "Fermeture exceptionnelle",
        ],
    }
}

/// Body sentences by e-mail type; `{c}` is the recipient's company, `{d}` a date.
pub fn sentences(email_type: &str) -> &'static [&'static str] {
    match email_type {
        "commercial" => &[
            "Nous accompagnons depuis plus de dix ans des entreprises comme {c} dans la gestion de leurs approvisionnements.",
            "Notre nouvelle offre permet de réduire vos coûts de fonctionnement de près de quinze pour cent.",
            "Je me permets de vous présenter notre gamme de services, pensée pour les PME de votre secteur.",
            "Vous trouverez ci-joint notre catalogue ainsi que nos conditions tarifaires pour l'année en cours.",
            "Une remise de dix pour cent est accordée pour toute commande passée avant le {d}.",
            "Nos équipes peuvent intervenir sous quarante-huit heures partout en France métropolitaine.",
            "Plusieurs de vos concurrents ont déjà adopté cette solution avec des résultats probants.",
            "Je serais ravi de vous en présenter les avantages lors d'un court échange téléphonique.",
        ],
        "relance" => &[
            "Je reviens vers vous au sujet de la proposition envoyée il y a quelques semaines.",
            "Sauf erreur de notre part, la facture correspondante reste à ce jour impayée.",
            "Pourriez-vous me faire savoir si notre devis a retenu votre attention ?",
            "Sans retour de votre part avant le {d}, nous considérerons que l'offre n'est plus d'actualité.",
            "Je reste naturellement disponible pour ajuster la proposition à vos contraintes.",
            "Si le règlement a été effectué entre-temps, merci de ne pas tenir compte de ce message.",
            "Nous serions heureux de poursuivre notre collaboration avec {c}.",
        ],
        "rendez_vous" => &[
            "Je souhaiterais convenir d'un rendez-vous afin de faire le point sur le projet.",
            "Seriez-vous disponible le {d} en fin de matinée dans vos locaux ?",
            "Je vous confirme notre rendez-vous du {d} à quatorze heures.",
            "La réunion pourra également se tenir en visioconférence si vous le préférez.",
            "Un imprévu m'oblige malheureusement à décaler notre rencontre.",
            "Merci de m'indiquer le créneau qui vous conviendrait le mieux.",
            "Je viendrai accompagné de notre responsable technique.",
        ],
        "reclamation" => &[
            "Nous avons bien reçu la livraison, mais plusieurs articles manquent à l'appel.",
            "Le matériel livré présente des défauts qui le rendent inutilisable.",
            "La facture reçue ne correspond pas au devis accepté par {c}.",
            "Ce retard nous cause un préjudice important vis-à-vis de nos propres clients.",
            "Nous vous demandons de procéder au remplacement des pièces dans les meilleurs délais.",
            "À défaut de solution avant le {d}, nous serons contraints d'annuler la commande.",
            "Vous trouverez en pièce jointe les photos des produits endommagés.",
        ],
        "remerciement" => &[
            "Je tenais à vous remercier chaleureusement pour votre accueil lors de notre visite.",
            "Votre confiance nous honore et nous motive à vous offrir le meilleur service.",
            "La qualité de nos échanges a grandement facilité l'avancement du projet.",
            "Toute l'équipe de {c} a été d'une aide précieuse.",
            "Nous espérons avoir très bientôt l'occasion de travailler à nouveau ensemble.",
            "Votre commande a bien été enregistrée et sera expédiée sous peu.",
        ],
        _ => &[
            "Nous vous informons que nos bureaux seront fermés le {d}.",
            "À compter du mois prochain, nos conditions générales de vente évoluent.",
            "Notre service client reste joignable par téléphone du lundi au vendredi.",
            "Vous trouverez le détail de ces changements sur votre espace client.",
            "Ces modifications n'ont aucune incidence sur vos commandes en cours.",
            "Notre nouvelle adresse sera effective dès le {d}.",
            "Pour toute question, n'hésitez pas à contacter votre interlocuteur habituel.",
        ],
    }
}

/// Greeting by tone; `{p}` is the recipient's first name.
pub fn greeting(tone: Option<&str>) -> &'static str {
    match tone {
        Some("formel") => "Madame, Monsieur,",
        Some("informel") => "Salut {p},",
        Some("amical") => "Coucou {p} !",
        _ => "Bonjour {p},",
    }
}

/// Closing formula by tone.
pub fn closing(tone: Option<&str>) -> &'static str {
    match tone {
        Some("formel") => {
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."
        }
        Some("informel") => "À très vite,",
        Some("amical") => "Bien amicalement,",
        _ => "Cordialement,",
    }
}

/// Template names and bodies by category; bodies use `{{variables}}`.
pub fn template_bodies(category: &str) -> &'static [(&'static str, &'static str)] {
    match category {
        "commercial" => &[
            ("Prospection PME", "Bonjour {{prenom}},\n\nJe me permets de vous contacter au nom de {{entreprise}}. Notre offre aide les PME à gagner du temps sur leur gestion quotidienne.\n\nSeriez-vous disponible pour un échange de quinze minutes cette semaine ?\n\nCordialement,\n{{signature}}"),
            ("Envoi de devis", "Bonjour {{prenom}},\n\nComme convenu, vous trouverez ci-joint notre devis numéro {{numero_devis}}, valable trente jours.\n\nJe reste à votre disposition pour toute question.\n\nCordialement,\n{{signature}}"),
        ],
        "rh" => &[
            ("Convocation à un entretien", "Madame, Monsieur,\n\nNous avons le plaisir de vous convier à un entretien le {{date}} à {{heure}} dans nos locaux.\n\nMerci de nous confirmer votre présence.\n\nLe service des ressources humaines"),
            ("Réponse négative candidature", "Bonjour {{prenom}},\n\nNous vous remercions de l'intérêt porté à notre entreprise. Après étude attentive, nous ne pouvons donner une suite favorable à votre candidature.\n\nNous vous souhaitons pleine réussite dans vos recherches.\n\n{{signature}}"),
        ],
        "client" => &[
            ("Suivi de commande", "Bonjour {{prenom}},\n\nVotre commande {{numero_commande}} a été expédiée ce jour. Vous pouvez suivre son acheminement depuis votre espace client.\n\nMerci pour votre confiance,\n{{signature}}"),
            ("Enquête de satisfaction", "Bonjour {{prenom}},\n\nVotre avis compte pour nous. Accepteriez-vous de répondre à un court questionnaire sur notre dernière intervention ?\n\nBien cordialement,\n{{signature}}"),
        ],
        "fournisseur" => &[
            ("Demande de cotation", "Madame, Monsieur,\n\nNous souhaiterions recevoir votre meilleure offre pour la fourniture de {{quantite}} unités de {{produit}}, livrables avant le {{date}}.\n\nCordialement,\n{{signature}}"),
            ("Signalement de non-conformité", "Bonjour,\n\nLa livraison {{numero_livraison}} présente des écarts par rapport au bon de commande. Merci de nous indiquer les mesures correctives prévues.\n\nCordialement,\n{{signature}}"),
        ],
        _ => &[
            ("Absence du bureau", "Bonjour,\n\nJe suis absent jusqu'au {{date}} inclus. Pour toute demande urgente, merci de contacter {{remplacant}}.\n\nCordialement,\n{{signature}}"),
            ("Remerciements génériques", "Bonjour {{prenom}},\n\nUn grand merci pour votre retour rapide. Je reviens vers vous très prochainement.\n\nBien à vous,\n{{signature}}"),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_character_that_json_would_need_to_escape() {
        let mut all: Vec<&str> = Vec::new();
        all.extend(FIRST_NAMES.iter().flat_map(|(a, b)| [*a, *b]));
        all.extend(LAST_NAMES.iter().flat_map(|(a, b)| [*a, *b]));
        all.extend(COMPANY_KINDS);
        all.extend(COMPANY_FORMS);
        all.extend(CITIES);
        all.extend(API_KEY_NAMES);
        all.extend(TONES);
        for s in all {
            assert!(!s.contains(['"', '\\']), "{s}");
        }
        for (_, ascii) in FIRST_NAMES.iter().chain(LAST_NAMES.iter()) {
            assert!(ascii.bytes().all(|b| b.is_ascii_lowercase()), "{ascii}");
        }
    }
}
