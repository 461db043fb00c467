"""The small closed word classes the rules lean on: titles, role nouns, organisation words, speech verbs.

These are English grammar and newsroom vocabulary, not names: they say *how*
a text introduces a person ("Gov.", "spokesperson", "said"), so the rules work
on articles about anyone.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (keeps word lists readable)."""
    return frozenset(text.split())


# Before a name and never part of it: "Sir Keir Starmer", "Dr. Smith", "Gov. Newsom".
HONORIFICS = words("""
Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Baroness Baron Rev Rev.
Reverend Father Sister Brother Rabbi Imam Sheikh Sheik Ayatollah Madame Mme Monsieur Herr Frau Mister
Gov. Gov Sen. Sen Rep. Rep Gen. Gen Lt. Lt Col. Col Maj. Capt. Capt Sgt. Sgt Adm. Cmdr. Cpl. Pvt. Supt.
Insp. Det. Hon. Pres. St. Saint Brig. Brig Cllr Cllr.
""")

# Capitalised title words: part of a role, not of the name ("Prime Minister", "Chief of the General Staff").
TITLE_WORDS = words("""
President Vice Prime Minister Ministers Chancellor Premier Secretary Chief Deputy Speaker Senator
Congressman Congresswoman Governor Mayor Ambassador Envoy Commander Commissioner General Admiral Colonel
Lieutenant Major Captain Sergeant Marshal Corporal Private Judge Justice King Queen Prince Princess
Emperor Empress Pope Cardinal Archbishop Bishop Patriarch Crown Emir Sultan Shah Sheikh Director Chairman
Chairwoman Chair Chairperson Leader Coach Manager Head Defence Defense Foreign Interior Finance Health
Justice Home Trade Economy Energy Culture Education Staff Attorney Solicitor Auditor Inspector Superintendent
Officer Spokesman Spokeswoman Spokesperson Adviser Advisor Counsel Sir Founder CEO CFO COO Chairman
Executive Editor Representative Rep Minority Majority Whip Shadow Opposition Supreme Grand Field State
National Security Federal Regional Acting Interim Former Ex Secretary-General Mrs Mr Ms Dr
""")

# Lower-case nouns that make a phrase a role ("foreign minister", "a military analyst").
ROLE_NOUNS = words("""
president minister chancellor premier secretary chief head deputy speaker senator congressman congresswoman
lawmaker legislator mp mep governor mayor ambassador envoy commander commissioner general admiral colonel
lieutenant major captain sergeant marshal judge justice king queen prince princess pope bishop archbishop
director chairman chairwoman chair chairperson leader coach manager spokesman spokeswoman spokesperson
adviser advisor aide counsel founder ceo executive editor correspondent analyst expert economist researcher
scientist professor lecturer historian author writer novelist journalist reporter columnist lawyer attorney
prosecutor officer official diplomat negotiator member candidate activist campaigner operator soldier
commander-in-chief chief-of-staff counterpart owner investor banker teacher doctor surgeon nurse resident
founder president-elect actor actress singer musician artist player striker goalkeeper midfielder captain
manager trainer driver rider champion director-general secretary-general vice-president deputy-head
pilot engineer farmer student spokesman pastor priest imam rabbi cleric monarch emir sultan dictator
strongman premier ceo chairman boss representative delegate observer inspector detective sheriff
convener convenor organiser organizer coordinator mate partner manager-general curator conductor
mother father son daughter wife husband brother sister grandmother grandfather grandson granddaughter
uncle aunt nephew niece cousin widow widower fiancé fiancée girlfriend boyfriend stepfather stepmother
fisherman trawlerman businessman businesswoman policeman policewoman fireman firefighter postman
craftsman tradesman sportsman sportswoman councilman councilwoman alderman frontman cameraman
winger defender forward batsman batter bowler all-rounder wicketkeeper keeper full-back centre-back
center-back playmaker substitute teammate team-mate opener spinner seamer skipper quarterback pitcher
jockey boxer sprinter cyclist swimmer golfer runner athlete fighter wrestler referee umpire
seismologist geologist glaciologist volcanologist meteorologist climatologist epidemiologist
physician paramedic midwife pharmacist veterinarian sculptor painter photographer poet composer
dancer designer architect filmmaker director-producer producer novelist playwright chef
councillor magistrate coroner barrister solicitor prosecutor defendant witness victim survivor
resident mourner pensioner neighbour neighbor landlord tenant shopkeeper trader vendor buyer seller
""")

# Words that mark a capitalised phrase as an organisation, building or event, not a person or place.
ORG_WORDS = words("""
Kremlin Pentagon Congress Parliament Senate Duma Knesset Bundestag Assembly Cabinet Government Ministry
Army Navy Air Force Forces Council Party Bank Agency Service Services Committee Commission University College
Institute Corporation Corp Corp. Inc Inc. Ltd Ltd. LLC plc PLC Group Company Co Co. Airlines Airways Air
News Times Post Journal Telegraph Guardian Gazette Herald Tribune Network Radio Television TV Press
Office Court Department Union Organisation Organization Front Brigade Battalion Regiment Division Battlegroup
Grouping Command Guard Guards Police Club FC Association Federation Foundation Fund Church Hospital School
Airport Station Stadium Bridge Square Street Road Avenue Palace Cathedral Museum Center Centre Games Cup
League Championship Olympics Festival Summit Conference Treaty Accord Agreement Act Bill Plan Project
Movement Alliance Coalition Council Board Authority Administration Bureau Directorate Secretariat
Telegram Twitter Facebook Instagram YouTube TikTok WhatsApp Google Microsoft Apple Amazon Meta Reuters
Bloomberg Associated AFP Starlink Foundation Corps Marines Republicans Democrats Tories Labour Conservatives
House Hall Tower Building Centre Prize Award Awards Index Exchange Market Markets Holdings Partners Capital
Systems Technologies Motors Energy Oil Gas Petroleum Pharmaceuticals Studios Records Media Entertainment
Power Electric Utilities Programme Program Initiative Trust Society Institution Observatory Laboratory
Globe Lion Bear Palm Prize Medal Trophy Boot Hamas Hezbollah Nato Taliban Houthis Houthi Ofcom Interpol
Europol Frontex Gazprom Rosneft Boeing Airbus Tesla Nvidia OpenAI Samsung Toyota Volkswagen Pfizer
""")

# Capitalised words that begin sentences or headings but are never names by themselves.
NOT_NAMES = words("""
The A An This That These Those It Its He She They We I You His Her Their Our Your My There Here When Where
While Why How What Who Which Whose If But And Or Nor So Yet For As At By In On Of To From With Without Into
Onto Over Under After Before During Since Until Although Though Because Despite According Also Even Still
Meanwhile However Instead Then Now Today Yesterday Tomorrow Earlier Later Last Next First Second Third Both
Each Every Some Many Most More Much Few All Any No Not None One Two Three Four Five Six Seven Eight Nine Ten
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Mr Mrs Ms Dr Sir Officials Police Authorities Analysts Experts Critics
Residents Witnesses Sources Observers Soldiers Troops Forces Leaders Ministers Lawmakers Voters People
Several Other Others Such Just Only Like Unlike Amid Among Around About Above Below Across Against Along
Between Beyond Through Throughout Toward Towards Upon Within Via Per Read Follow Credit Photo Image Video
Watch Listen Share Updated Published Breaking Live Exclusive Analysis Opinion Comment Editorial Footage
Feb Apr Jul Aug Sep Sept Oct Nov Dec Retired Veteran Outgoing Incoming Late Disgraced
Embattled Nobody Everybody Somebody Anybody Everyone Someone Anyone Another Whoever Whatever
Asked Speaking Writing Addressing Responding Following Fighting Even Never Always Already Again Once Yes
Western Eastern Northern Southern Central North South East West Ukrainian-held Russian-held Christmas Easter
Ramadan Islam Christianity God Allah Internet Covid COVID Brexit Prime President Minister Chief General
""")

# Verbs of speech (base forms and inflections): attribution and "names directly before said".
SPEECH_VERBS = words("""
say says said saying tell tells told telling add adds added adding write writes wrote writing state states
stated declare declares declared insist insists insisted warn warns warned explain explains explained argue
argues argued claim claims claimed note notes noted ask asks asked reply replies replied respond responds
responded announce announces announced continue continues continued conclude concludes concluded remark
remarks remarked tweet tweets tweeted post posts posted comment comments commented acknowledge acknowledged
admit admits admitted concede conceded suggest suggests suggested describe describes described urge urges
urged recall recalls recalled predict predicted vow vows vowed promise promised caution cautioned stress
stressed emphasise emphasised emphasize emphasized complain complained quip quipped joke joked shout shouted
insist whisper whispered repeat repeated reiterate reiterated confirm confirmed deny denied agree agreed
told boast boasted pledge pledged demand demanded called calls accuse accused mused testify testified
order orders ordered insisting warning saying adding telling noting arguing explaining
""")

PRONOUNS_MALE = words("he He him his")
PRONOUNS_FEMALE = words("she She her")

# Lower-case words that end a name phrase to the right and reveal a place: "the Kursk region", "Oskil River".
REGION_SUFFIXES = words("region Region oblast Oblast province Province county County district District "
                         "governorate Governorate prefecture Prefecture state territory krai Krai")
SETTLEMENT_WORDS = words(
    "town city village settlement hamlet suburb port capital municipality community township"
)

# Lower-case words after which a capitalised word is probably a place: "in Kursk", "near Pokrovsk".
PLACE_PREPOSITIONS = words("in at from to near into across outside inside toward towards around via "
                            "through throughout of Near In At From")

# Nouns heading anonymous or organisational speakers: "one drone operator", "the airline", "officials".
ORG_SPEAKER_NOUNS = words("""
airline company ministry government kremlin department agency army military police statement service
spokesperson spokesman spokeswoman office embassy court council committee group organisation organization
firm bank union party campaign report club team federation white-house administration authorities officials
""")

NAME_PARTICLES = words(
    "de del della di da do van von der den du la le dos das ter ten bin ibn abu bint al el"
)

# Capitalised plurals that open sentences before "said" ("Investigators said"): people, but no name.
PLURAL_NOUNS = words("""
police protesters protestors firefighters rescuers medics workers employees shareholders fans organisers
organizers parents authorities sources witnesses neighbours neighbors villagers locals survivors relatives
families prosecutors investigators officials analysts experts critics observers voters lawmakers researchers
scientists doctors nurses teachers students residents officers soldiers troops diplomats supporters
opponents campaigners commuters passengers travellers travelers spectators visitors tourists farmers
ranchers anglers miners fishermen shoppers consumers customers patients pupils riders drivers players
""")

# Capitalised nouns numbered in text ("Highway 5", "Route 66", "Article 5"): a road or a clause, no name.
NUMBERED_NOUNS = words("""
Highway Route Interstate Motorway Freeway Road Exit Junction Gate Terminal Platform Pier Line Flight Article
Section Chapter Clause Stage Round Game Phase Level Camp Building Block Unit Ward Bus Lot Hangar Runway
""")
ORG_SUFFIXES = ("bank", "kasse", "bahn", "werke", "gruppe", "holding", "corp", "tech")
"""Endings of one-word company names ("Spaarbank", "Sparkasse"): the phrase is an organisation."""

# Head nouns of appositives that make the thing before them an organisation ("X, a campaign group, said").
ORG_APPOSITIVES = words("""
group company charity organisation organization firm agency party union network bank body tank coalition
alliance newspaper broadcaster website institute club team side department ministry council committee
association federation foundation movement militia force forces outlet startup start-up manufacturer
maker operator provider carrier airline insurer retailer chain lender regulator watchdog authority
""")

# Title words that are adjectives: they belong to a role only before a title noun ("Grand Ayatollah",
# "State Senator"), never before a name ("Grand Slam", "State Street" are names of their own).
ADJECTIVE_TITLES = words("""
Grand Supreme Field State National Security Federal Regional Crown Shadow Opposition Majority Minority
Vice Deputy Prime Defence Defense Foreign Interior Finance Health Home Trade Economy Energy Culture
Education Executive Acting Interim
""")

# Party labels: a person's affiliation, never a name or a place ("an Ohio Democrat", "Forecasters said").
PARTY_WORDS = words("""
Democrat Democrats Republican Republicans Tory Tories Conservative Conservatives Liberal Liberals
Labour Socialist Socialists Communist Communists Green Greens Independent Independents Unionist
Unionists Nationalist Nationalists Centrist Progressive Progressives Libertarian Populist
""")

# Lower-case words that follow a hyphen after a name to make an adjective ("Kyiv-based",
# "Saudi-led"): such a hyphen ends the name, unlike a Korean given name's second syllable ("Eun-ji").
HYPHEN_SUFFIXES = words("""
based led held run born made wide like free type era owned style bound class level scale sized aged
old year month day week term time long only rich poor hit torn ruled lined backed set up in out off
on to at by for of and the a an area wise zone side ward ish esque prize over first most laden heavy
proof ready linked news sized size hating loving clad bred built sent spun fed made goers""")

# Geographic head words that keep a demonym before them: "Scottish Highlands", "Arabian Peninsula".
GEO_TAILS = words("Highlands Lowlands Coast Sea Peninsula Plateau Riviera Alps Desert Gulf Islands Isles "
                  "Mountains Plains Basin Steppe")

# Capitalised heads of place names joined to the name by a particle: "Col du X", "Plateau de X",
# "Vale of X", "Rio Grande do X". With a particle after them they are never titles ("Col" = Colonel).
FEATURE_HEADS = words("""
Col Plateau Mont Monte Montagne Massif Puy Pic Pico Lac Lago Val Vale Valle Serra Sierra Cerro Costa Côte
Rio Río Isla Ilha Île Ile Golfe Cap Pointe Bois Forêt Baie Bahía Ría Gulf Bay Sea Isle Strait Straits Lake
Cape Port Porto Puerto Mount Vallée Gorges Pas Passo Pont Ponte Pays Forest Vale
""")

# Compass and position words that begin a place name before a feature word ("North Thompson River").
COMPASS_WORDS = words("North South East West Northern Southern Eastern Western Upper Lower Central Greater")
