"""Hand-written supplements that :mod:`tui.model.extract.build_data` merges into the data files.

General world knowledge only (country variants, demonyms, well-known regions,
rivers and seas, common first names from many languages), never names taken
from particular articles. Only the generator imports this module.
"""

from __future__ import annotations


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Names English news uses for a country, where GeoNames' own name differs.
COUNTRY_NAMES: dict[str, str] = {
    "NL": "Netherlands", "PS": "Palestine", "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo", "TL": "East Timor", "MO": "Macau", "VA": "Vatican City",
}

COUNTRY_VARIANTS: dict[str, tuple[str, ...]] = {
    "GB": ("Britain", "Great Britain", "UK", "U.K.", "United Kingdom"),
    "US": ("US", "U.S.", "USA", "U.S.A.", "United States", "United States of America", "America"),
    "AE": ("UAE", "U.A.E.", "United Arab Emirates", "Emirates"),
    "CZ": ("Czech Republic", "Czechia"),
    "CI": ("Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"),
    "MM": ("Myanmar", "Burma"),
    "TR": ("Turkey", "Türkiye", "Turkiye"),
    "NL": ("Netherlands", "Holland", "The Netherlands"),
    "CD": ("DRC", "DR Congo", "Democratic Republic of the Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Republic of the Congo"),
    "KR": ("South Korea", "Republic of Korea"),
    "KP": ("North Korea", "DPRK"),
    "RU": ("Russia", "Russian Federation"),
    "CN": ("China", "People's Republic of China", "PRC"),
    "TW": ("Taiwan",), "VN": ("Vietnam", "Viet Nam"), "SZ": ("Eswatini", "Swaziland"),
    "MK": ("North Macedonia", "Macedonia"), "CV": ("Cape Verde", "Cabo Verde"),
    "PS": ("Palestine", "Palestinian Territories", "Palestinian territories"),
    "VA": ("Vatican", "Holy See"), "IR": ("Iran", "Persia"), "SY": ("Syria",),
    "BA": ("Bosnia", "Bosnia-Herzegovina"), "TT": ("Trinidad",), "LA": ("Laos",),
}

# Demonyms: adjectives are not places, but they say which country a role belongs to.
DEMONYMS: dict[str, tuple[str, ...]] = {
    code: _split(words) for code, words in {
        "AF": "Afghan", "AL": "Albanian", "DZ": "Algerian", "AR": "Argentine Argentinian",
        "AM": "Armenian", "AU": "Australian", "AT": "Austrian", "AZ": "Azerbaijani Azeri",
        "BH": "Bahraini", "BD": "Bangladeshi", "BY": "Belarusian", "BE": "Belgian", "BO": "Bolivian",
        "BA": "Bosnian", "BR": "Brazilian", "BG": "Bulgarian", "KH": "Cambodian", "CM": "Cameroonian",
        "CA": "Canadian", "CL": "Chilean", "CN": "Chinese", "CO": "Colombian", "CD": "Congolese",
        "HR": "Croatian", "CU": "Cuban", "CY": "Cypriot", "CZ": "Czech", "DK": "Danish",
        "EC": "Ecuadorian", "EG": "Egyptian", "GB": "British English Scottish Welsh", "EE": "Estonian",
        "ET": "Ethiopian", "FI": "Finnish", "FR": "French", "GE": "Georgian", "DE": "German",
        "GH": "Ghanaian", "GR": "Greek", "GT": "Guatemalan", "HT": "Haitian", "HN": "Honduran",
        "HU": "Hungarian", "IS": "Icelandic", "IN": "Indian", "ID": "Indonesian", "IR": "Iranian",
        "IQ": "Iraqi", "IE": "Irish", "IL": "Israeli", "IT": "Italian", "JM": "Jamaican",
        "JP": "Japanese", "JO": "Jordanian", "KZ": "Kazakh", "KE": "Kenyan", "KW": "Kuwaiti",
        "KG": "Kyrgyz", "LV": "Latvian", "LB": "Lebanese", "LY": "Libyan", "LT": "Lithuanian",
        "LU": "Luxembourgish", "MY": "Malaysian", "ML": "Malian", "MT": "Maltese", "MX": "Mexican",
        "MD": "Moldovan", "MN": "Mongolian", "ME": "Montenegrin", "MA": "Moroccan",
        "MZ": "Mozambican", "MM": "Burmese", "NP": "Nepali Nepalese", "NL": "Dutch",
        "NZ": "Zealander", "NI": "Nicaraguan", "NG": "Nigerian", "KP": "North Korean", "NO": "Norwegian",
        "OM": "Omani", "PK": "Pakistani", "PS": "Palestinian", "PA": "Panamanian", "PY": "Paraguayan",
        "PE": "Peruvian", "PH": "Filipino Philippine", "PL": "Polish", "PT": "Portuguese",
        "QA": "Qatari", "RO": "Romanian", "RU": "Russian", "RW": "Rwandan", "SA": "Saudi",
        "SN": "Senegalese", "RS": "Serbian", "SG": "Singaporean", "SK": "Slovak", "SI": "Slovenian",
        "SO": "Somali", "ZA": "South African", "KR": "South Korean Korean", "ES": "Spanish",
        "LK": "Sri Lankan", "SD": "Sudanese", "SE": "Swedish", "CH": "Swiss", "SY": "Syrian",
        "TW": "Taiwanese", "TJ": "Tajik", "TZ": "Tanzanian", "TH": "Thai", "TN": "Tunisian",
        "TR": "Turkish", "TM": "Turkmen", "UG": "Ugandan", "UA": "Ukrainian", "AE": "Emirati",
        "US": "American", "UY": "Uruguayan", "UZ": "Uzbek", "VE": "Venezuelan", "VN": "Vietnamese",
        "YE": "Yemeni", "ZM": "Zambian", "ZW": "Zimbabwean", "XK": "Kosovan Kosovar",
        "SS": "South Sudanese", "ER": "Eritrean", "TD": "Chadian", "NE": "Nigerien",
        # Continental and regional adjectives: no country, but never a name or a place either.
        "": "European African Asian Arab Latin Scandinavian Nordic Caribbean Balkan Alpine Andean "
            "Mediterranean-wide Eurasian Oceanian Polynesian Amazonian Himalayan Saharan",
    }.items()
}

# English or former names of big cities that transliteration folding cannot reach.
CITY_EXONYMS: dict[str, tuple[str, ...]] = {
    "Mumbai": ("Bombay",), "Kolkata": ("Calcutta",), "Chennai": ("Madras",), "Beijing": ("Peking",),
    "Guangzhou": ("Canton",), "Ho Chi Minh City": ("Saigon",), "Yangon": ("Rangoon",),
    "Dnipro": ("Dnepropetrovsk", "Dnipropetrovsk"), "Luhansk": ("Lugansk",), "Saint Petersburg": (
        "St Petersburg", "St. Petersburg", "Leningrad"), "Volgograd": ("Stalingrad",), "Kraków": ("Cracow",),
    "Gdańsk": ("Danzig",), "Bengaluru": ("Bangalore",), "Almaty": ("Alma-Ata",), "Astana": ("Nur-Sultan",),
    "Mykolaiv": ("Nikolaev", "Nikolayev"), "Zaporizhzhia": ("Zaporozhye", "Zaporizhia"),
    "Chișinău": ("Chisinau", "Kishinev"), "Bishkek": ("Frunze",), "Hanoi": ("Ha Noi",),
    "New York City": ("New York", "NYC"), "Washington": ("Washington, D.C.", "Washington DC"),
    "Kyiv": ("Kiev",), "Kharkiv": ("Kharkov",), "Odesa": ("Odessa",), "Lviv": ("Lvov", "Lemberg"),
    "Frankfurt am Main": ("Frankfurt",), "'s-Hertogenbosch": ("Den Bosch",),
    "Frankfurt (Oder)": ("Frankfurt an der Oder",),
}

# (name, kind, country code, aliases): regions, named areas, rivers, seas.
EXTRA_PLACES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    *((n.replace("_", " "), "region", "GB", ()) for n in _split("England Scotland Wales Northern_Ireland")),
    *((n.replace("_", " "), "region", "CA", ()) for n in _split(
        "Ontario Quebec British_Columbia Alberta Manitoba Saskatchewan Nova_Scotia New_Brunswick Yukon")),
    *((n.replace("_", " "), "region", "AU", ()) for n in _split(
        "New_South_Wales Victoria Queensland Tasmania Western_Australia South_Australia")),
    *((n, "region", "DE", ()) for n in _split("Bavaria Saxony Thuringia Brandenburg Hesse")),
    *((n.replace("_", " "), "region", "IN", ()) for n in _split(
        "Punjab Kerala Gujarat Maharashtra Bihar Assam Manipur Kashmir Uttar_Pradesh Tamil_Nadu "
        "West_Bengal")),
    *((n, "region", "CN", ()) for n in _split("Xinjiang Tibet Guangdong Sichuan Yunnan Hubei Henan")),
    *((n, "region", "ES", ()) for n in _split("Catalonia Andalusia Galicia")),
    *((n, "region", "IT", ()) for n in _split("Sicily Sardinia Lombardy Tuscany")),
    ("Corsica", "region", "FR", ()), ("Brittany", "region", "FR", ()), ("Normandy", "region", "FR", ()),
    ("Siberia", "region", "RU", ()), ("Chechnya", "region", "RU", ()), ("Dagestan", "region", "RU", ()),
    ("Crimea", "area", "UA", ("Crimean Peninsula",)), ("Donbas", "area", "UA", ("Donbass",)),
    ("Gaza", "area", "PS", ("Gaza Strip",)), ("West Bank", "area", "PS", ()),
    ("Golan Heights", "area", "SY", ()), ("Sinai", "area", "EG", ("Sinai Peninsula",)),
    ("Darfur", "region", "SD", ()), ("Tigray", "region", "ET", ()), ("Kurdistan", "area", "", ()),
    ("Transnistria", "region", "MD", ()), ("Abkhazia", "region", "GE", ()),
    ("South Ossetia", "region", "GE", ()), ("Nagorno-Karabakh", "region", "AZ", ("Karabakh",)),
    ("Balkans", "area", "", ()), ("Caucasus", "area", "", ()), ("Middle East", "area", "", ()),
    ("Scandinavia", "area", "", ()), ("Sahel", "area", "", ()), ("Sahara", "area", "", ()),
    ("Patagonia", "area", "", ()), ("Arctic", "area", "", ()), ("Baltics", "area", "", ()),
    ("Kashmir Valley", "area", "IN", ()), ("Rakhine", "region", "MM", ()), ("Mindanao", "area", "PH", ()),
    ("Borneo", "area", "", ()), ("Sumatra", "area", "ID", ()), ("Java", "area", "ID", ()),
    ("Bali", "area", "ID", ()),
    ("Hokkaido", "area", "JP", ()), ("Okinawa", "area", "JP", ()), ("Silicon Valley", "area", "US", ()),
    ("Wall Street", "area", "US", ()), ("Midwest", "area", "US", ()), ("Sub-Saharan Africa", "area", "", ()),
    ("Latin America", "area", "", ()), ("Central Asia", "area", "", ()), ("Southeast Asia", "area", "", ()),
    ("Eastern Europe", "area", "", ()), ("Western Europe", "area", "", ()),
    ("Horn of Africa", "area", "", ()),
    ("Flanders", "region", "BE", ()), ("Wallonia", "region", "BE", ()), ("Midlands", "area", "GB", ()),
    ("East Midlands", "area", "GB", ()), ("West Midlands", "area", "GB", ()),
    ("Home Counties", "area", "GB", ()),
    ("Alps", "area", "", ()), ("Andes", "area", "", ()), ("Himalayas", "area", "", ("Himalaya",)),
    ("Rockies", "area", "US", ("Rocky Mountains",)), ("Pyrenees", "area", "", ()),
    ("Urals", "area", "RU", ()),
    ("Apennines", "area", "IT", ()), ("Carpathians", "area", "", ()), ("Dolomites", "area", "IT", ()),
    ("Outback", "area", "AU", ()), ("Lake District", "area", "GB", ()),
    ("Amazonia", "area", "", ("Amazon rainforest", "Amazon")),
    ("Persian Gulf", "other", "", ("the Gulf",)), ("Strait of Hormuz", "other", "", ()),
    ("Suez Canal", "other", "EG", ()), ("Panama Canal", "other", "PA", ()),
    *((n.replace("_", " "), "other", "", ()) for n in _split(
        "Black_Sea Red_Sea Baltic_Sea North_Sea Caspian_Sea Aegean_Sea Sea_of_Azov South_China_Sea "
        "Mediterranean Atlantic Pacific Indian_Ocean Arctic_Ocean English_Channel Adriatic Irish_Sea")),
    *((n.replace("_", " "), "river", cc, tuple(a.replace("_", " ") for a in alts.split(",") if a))
      for n, cc, alts in (
        ("Danube", "", ""), ("Rhine", "", ""), ("Thames", "GB", ""), ("Seine", "FR", ""), ("Loire", "FR", ""),
        ("Elbe", "", ""), ("Oder", "", ""), ("Vistula", "PL", ""), ("Volga", "RU", ""),
        ("Dnipro", "UA", "Dnieper,Dnepr"), ("Dniester", "", "Dnister"), ("Nile", "", ""),
        ("Congo_River", "", ""),
        ("Niger_River", "", ""), ("Zambezi", "", ""), ("Amazon_River", "", ""),
        ("Mississippi_River", "US", ""),
        ("Missouri_River", "US", ""), ("Rio_Grande", "", ""), ("Colorado_River", "US", ""),
        ("Yangtze", "CN", ""), ("Yellow_River", "CN", ""), ("Mekong", "", ""), ("Ganges", "IN", ""),
        ("Indus", "", ""), ("Brahmaputra", "", ""), ("Euphrates", "", ""), ("Tigris", "", ""),
        ("Jordan_River", "", ""), ("Orinoco", "", ""), ("Yenisei", "RU", ""), ("Ob_River", "RU", ""),
        ("Amur", "", ""), ("Irrawaddy", "MM", ""), ("Po_River", "IT", ""), ("Tiber", "IT", ""),
        ("Severn", "GB", ""), ("Shannon_River", "IE", ""), ("Hudson_River", "US", ""), ("Potomac", "US", ""),
        ("St_Lawrence_River", "CA", ""), ("Don_River", "RU", ""), ("Southern_Bug", "UA", ""),
    )),
)

# International first names the US Census files lack (many languages), by gender.
MALE_NAMES: frozenset[str] = frozenset(_split("""
Volodymyr Vladimir Oleksandr Oleksiy Olexiy Oleksii Aleksandr Alexandr Aleksei Alexei Alexey Andriy
Andrii
Andrei Andrey Dmitry Dmitri Dmytro Mykhailo Mikhail Mykola Nikolai Nikolay Sergei Sergey Serhiy
Serhii Yuri
Yuriy Yury Valery Valeriy Valerii Vitali Vitaly Vitaliy Viktor Vasily Vasyl Pavlo Pavel Petro Pyotr
Igor Ihor
Oleg Oleh Yevgeny Yevhen Evgeny Gennady Boris Ivan Ruslan Rustem Ramzan Taras Bohdan Denys Denis
Kirill Maxim
Maksym Anatoly Anatoliy Konstantin Kostiantyn Stanislav Vadim Vadym Vyacheslav Yaroslav Arseniy Arseny
Leonid Grigory Mikheil Levan Zurab Giorgi Nikol Ilham Kassym Shavkat Emomali Alexander Lukasz
Radoslaw Radek
Jaroslaw Andrzej Donald Mateusz Krzysztof Zbigniew Wojciech Tomasz Piotr Janusz Miroslav Milos Aleksandar
Zoran Viktor Tibor Janos Laszlo Petr Vaclav Jiri Ondrej Jan Olaf Friedrich Wolfgang Jurgen Jürgen Helmut
Gerhard Horst Markus Boris Karl Heinz Christian Matthias Emmanuel Francois François Jean Jacques Nicolas
Lionel Edouard Édouard Gabriel Bruno Gérald Gerald Marine Pierre Yves Giorgia Matteo Sergio Silvio
Giuseppe
Mario Paolo Enrico Pedro Mariano Santiago Alberto Javier Pablo Rodrigo Luiz Lula Jair Andres Andrés
Gustavo
Nayib Javier Alejandro Claudio Mauricio Felipe Rui Antonio António Luis Jose José Juan Carlos Miguel
Ricardo
Recep Tayyip Ekrem Kemal Mustafa Mehmet Ahmet Hakan Benjamin Yair Naftali Isaac Itamar Bezalel Yoav
Gideon
Mahmoud Mohammed Mohammad Muhammad Mohamed Ahmed Ahmad Ali Hassan Hussein Hossein Abdullah Abdel Abdul
Khalid Khaled Omar Yasser Ismail Ismael Hamad Tamim Salman Faisal Fahad Bashar Hafez Ayman Nabil
Ebrahim Masoud
Abbas Hamid Karim Rashid Tariq Imran Nawaz Shehbaz Asif Bilawal Narendra Rahul Amit Arvind Rajnath
Subrahmanyam
Sundar Satya Mukesh Gautam Ratan Xi Wang Li Zhang Liu Chen Yang Zhao Huang Zhou Wu Jinping Qiang Yi
Shigeru
Fumio Shinzo Yoshihide Yoon Moon Kim Lee Jae Suk Jong Ferdinand Rodrigo Joko Prabowo Anwar Mahathir
Hun Thaksin Min Aung Cyril Jacob Thabo Nelson Julius William Uhuru Paul Bola Muhammadu Goodluck Abiy
Yoweri
Emmerson Hakainde Felix Félix Denis Macky Ousmane Assimi Ibrahim Idriss Mahamat Kais Abdelmadjid
Volker Kyriakos Alexis Viktor Andrej Robert Rishi Keir Boris Nigel Kemi Jeremy Nadhim Sadiq Humza
Anas Jens
Mark Ursula Antonio Josep Kaja Charles Elon Jensen Satya Tim Sam Jeff Warren Jamie Lars Magnus Sauli Alar
Gitanas Edgars Egils Zelimkhan Yevgeniy Artem Artyom Roman Gleb Timur Arkady Nikita Semyon Aleksey Anton
Ihor Dmytriy Kyrylo Mykyta Serhij Vitalii Yurii Oleksandr Fyodor Fedor Lev Ilya Illia Vladislav Vladyslav
Rafael Raphael Ignacio Joaquin Diego Nuno Joao João Tiago Xavier Giovanni Luca Marco Lorenzo
Francesco Matthieu
Olivier Thierry Didier Benoit Benoît Hugo Jordan Ole Sven Henrik Magnus Bjorn Björn Erik Jonas Mette
Ulf Stefan
Sebastian Hubert Fabio Gianni Hamza Yusuf Youssef Idris Ruhollah Mojtaba Hasan Nouri Haider Muqtada
Moqtada Nechirvan Masrour Recep Binali Selahattin Jacinta Chris Anthony Scott Kevin
"""))

FEMALE_NAMES: frozenset[str] = frozenset(_split("""
Yulia Yuliia Iryna Irina Olena Elena Yelena Oksana Olga Tetiana Tatiana Tatyana Natalia Nataliya Natalya
Svetlana Svitlana Lyudmila Liudmyla Maria Mariya Mariia Anastasia Anastasiia Ekaterina Kateryna
Yekaterina
Valentina Viktoriya Viktoria Victoria Daria Darya Alina Solomiia Solomiya Halyna Galina Nadiya
Nadezhda Inna
Larysa Larisa Marina Maryna Veronika Zoya Raisa Lyudmyla Ksenia Kseniya Sofia Sofiya Khrystyna
Ulyana Vira
Angela Annalena Ursula Kaja Giorgia Elly Ilaria Marine Ségolène Segolene Christine Anne Élisabeth
Elisabeth
Agnès Agnes Rachida Ana Beata Ewa Agnieszka Malgorzata Małgorzata Dorota Katarina Zuzana Maia Salome
Sanna
Mette Magdalena Jacinda Theresa Liz Priti Suella Yvette Rachel Bridget Angela Nicola Nadine
Kamala Nikki Hillary Nancy Kristi Tulsi Karoline Marjorie Alexandria Ilhan Rashida Hasina Benazir Maryam
Indira Sonia Priyanka Nirmala Tsai Ing Sanae Yuriko Jacinta Ngozi Ellen Joyce Samia Leila Layla
Fatima Fatma
Aisha Ayesha Amina Zahra Mahsa Narges Shirin Nasrin Golshifteh Noura Rania Hanan Huda Lina Dina Yael
Ayelet
Miri Tzipi Golda Shlomit Roberta Mariana Claudia Cristina Dilma Michelle Xiomara Delcy Marta Irene
Yolanda Isabel Pilar Carmen Lucia Lucía Beatriz Ines Inês Leonor Francesca Chiara Elisa Giulia Paola
Ingrid Astrid Ebba Magdalena Kristrun Katrin Simonetta Ulrike Saskia Nancy Svenja Julia Kristalina Maia
"""))

# Words the Census lists as first names but which in news are far more often something else.
NOT_FIRST_NAMES: frozenset[str] = frozenset(_split("""
will may june april august major king queen prince general judge bishop sterling royal christian israel
georgia china india kenya lebanon sudan chad paris london berlin moscow washington houston dallas
austin cleveland lincoln kansas virginia carolina florida nevada indiana tennessee dakota montana
"""))

# Capitalised words that some Faker locale lists as a given name but that English news uses otherwise
# (title, organisation and grammar words the lexicon's own lists already give a meaning).
NOT_FIRST_NAME_WORDS: frozenset[str] = frozenset(_split("""
Col Gen Sen Rep Gov Lt Maj Capt Sgt Dr Mr Mrs Ms St Mt Ft Pres Rev Sir Dame Lord Lady Don Dona Doña
San Santa Santo Sao São Saint Van Von Der Den Del Della Dos Das De Di Da Du La Le El Al Ibn Bin Abu
Monsieur Madame Herr Frau Senhor Senhora Signor Signora Pan Pani
"""))
