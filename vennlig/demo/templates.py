"""Kind reply templates for the demo desk, in Bokmål, Nynorsk and English (written for
Vennlig). Each passes the tone coach; a test checks that."""

TEMPLATES = [
    (
        "Forsinket levering",
        "nb",
        "Hei {customer_first_name},\n\nTakk for at du sier fra, og beklager at pakken din er "
        "forsinket. Jeg har sjekket sendingen og sender deg et oppdatert sporingsnummer i dag. "
        "Kommer den ikke innen fredag, sender vi en ny vare uten kostnad for deg.\n\n"
        "Vennlig hilsen\n{agent_name}",
    ),
    (
        "Vi ser på saken",
        "nb",
        "Hei {customer_first_name},\n\nTusen takk for meldingen. Jeg forstår at dette er "
        "frustrerende, og beklager bryet. Jeg har tatt saken ({reference}) og kommer tilbake til "
        "deg innen i morgen ettermiddag med svar.\n\nVennlig hilsen\n{agent_name}",
    ),
    (
        "Takk for rosen",
        "nb",
        "Hei {customer_first_name},\n\nSå hyggelig å høre! Takk for at du tok deg tid til å "
        "skrive. Jeg sender rosen videre til kollegaene mine. Du kan alltid svare på denne "
        "e-posten om det er noe mer vi kan hjelpe med.\n\nVennlig hilsen\n{agent_name}",
    ),
    (
        "Forseinka levering",
        "nn",
        "Hei {customer_first_name},\n\nTakk for at du seier ifrå, og eg beklagar at pakka di er "
        "forseinka. Eg har sjekka sendinga og sender deg eit oppdatert sporingsnummer i dag. "
        "Kjem ho ikkje innan fredag, sender vi ei ny vare utan kostnad for deg.\n\n"
        "Venleg helsing\n{agent_name}",
    ),
    (
        "Vi ser på saka",
        "nn",
        "Hei {customer_first_name},\n\nTusen takk for meldinga. Eg forstår at dette er "
        "frustrerande, og beklagar bryet. Eg har teke saka ({reference}) og kjem tilbake til deg "
        "innan i morgon ettermiddag med svar.\n\nVenleg helsing\n{agent_name}",
    ),
    (
        "Takk for rosen",
        "nn",
        "Hei {customer_first_name},\n\nSå kjekt å høyre! Takk for at du tok deg tid til å skrive. "
        "Eg sender rosen vidare til kollegaane mine. Du kan alltid svare på denne e-posten om det "
        "er noko meir vi kan hjelpe med.\n\nVenleg helsing\n{agent_name}",
    ),
    (
        "Late delivery",
        "en",
        "Hi {customer_first_name},\n\nThank you for letting us know, and I'm sorry your parcel is "
        "late. I have checked the shipment and will send you an updated tracking number today. "
        "If it has not arrived by Friday, we will send a new one at no cost to you.\n\n"
        "Kind regards\n{agent_name}",
    ),
    (
        "We are on it",
        "en",
        "Hi {customer_first_name},\n\nThank you for your message. I understand this is "
        "frustrating, and I'm sorry for the trouble. I have taken your case ({reference}) and "
        "will get back to you by tomorrow afternoon with an answer.\n\nKind regards\n{agent_name}",
    ),
    (
        "Thanks for the kind words",
        "en",
        "Hi {customer_first_name},\n\nHow lovely to hear! Thank you for taking the time to write. "
        "I will pass your kind words on to my colleagues. You can always reply to this e-mail if "
        "there is anything more we can do.\n\nKind regards\n{agent_name}",
    ),
]
