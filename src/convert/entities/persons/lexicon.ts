/**
 * Word lists the person rules consult. They are general vocabulary of English and French diplomatic prose,
 * not names of the people in any particular text: titles that precede a name, common given names, capitalised
 * words that are never names (function words, institutions, roles), countries, cities and nationalities.
 * Lower-case keys; lookups fold case and accents (see {@link fold}).
 */

/** Lower-case, accents removed, curly apostrophe straightened. */
export function fold(word: string): string {
  // Most words are ASCII: lower case is all there is to fold, and cheaper than a look-up in the memo.
  if (isAscii(word)) return word.toLowerCase();
  let f = folded.get(word);
  if (f === undefined) {
    f = word.normalize('NFD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase();
    // A bounded memo: the same few thousand words recur across a volume. Not of long words: V8 makes a word
    // of 13 characters or more cut from a text a slice of it, and the memo would keep whole texts alive.
    if (word.length < 13) {
      if (folded.size > 50_000) folded.clear();
      folded.set(word, f);
    }
  }
  return f;
}

const folded = new Map<string, string>();

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) return false;
  return true;
}

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/).map(fold));

/**
 * Title words that stand before a name and belong inside `persName` ("Mr. Eden", "Premier Stalin"). Multi-word
 * titles are listed with `_` between words. "M." is here: a single capital M with a stop before a surname is
 * French "Monsieur" (see the rule in find-persons.ts).
 */
export const TITLES: ReadonlySet<string> = set(`
  mr mrs miss ms m mme mlle messrs monsieur madame herr frau sir lord lady dame dr professor prof
  general gen generalissimo marshal field_marshal admiral colonel col major captain capt lieutenant lt
  commander commissar comrade premier president prime_minister vice_president ambassador minister
  foreign_minister foreign_secretary secretary_of_state under_secretary chancellor senator count countess
  baron prince princess king queen emperor pope cardinal bishop archbishop father brother sister rev reverend
  judge justice duke duchess earl viscount marquess signor signora don generals marshals admirals
  major-general lieutenant-general vice-admiral rear-admiral field-marshal air-marshal air_marshal air_chief_marshal
  consul vice_consul vice-consul consul_general secretary ataman hetman governor maj lieut brig hon
  secretary_of_state secretary_of_war secretary_of_commerce viceroy taotai
`);

/** Role words that are not names even when capitalised: "the Prime Minister", "Your Excellency". */
export const ROLE_WORDS: ReadonlySet<string> = set(`
  excellency majesty highness holiness lordship ambassador minister secretary president premier commissar
  chancellor general marshal admiral generalissimo chargé charge affaires envoy consul counsellor counselor attaché
  acting solicitor comptroller treasurer doyen ministre
  attache deputy under permanent assistant chief head commander leader chairman director editor editors
  clerk official officials governor mayor king queen emperor pope prince government cabinet
  major-general lieutenant-general vice-admiral rear-admiral field-marshal air-marshal
  major-general lieutenant-general vice-admiral rear-admiral field-marshal air-marshal
`);

/** Function words, calendar words and numerals: never a name, not even after a given name. */
export const FUNCTION_WORDS: ReadonlySet<string> = set(`
  a an the and or but nor if as at by for from in into of on onto to with without within upon over under
  about above after against along among around before behind below beneath beside besides between beyond
  during except inside near off out outside since through throughout till until toward towards via per
  i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
  this that these those there here what when where which who whom whose why how whether while whereas
  not no yes so then thus yet also even still only just all any some each every both either neither none
  such other another many much more most few less least several one two three four five six seven eight
  nine ten first second third last next new old great greater good best dear please thank thanks
  is are was were be been being am has have had do does did will would shall should can could may might
  must let let's it's that's here's there's
  however therefore moreover meanwhile nevertheless accordingly hence furthermore consequently indeed perhaps
  monday tuesday wednesday thursday friday saturday sunday
  january february march april june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
`);

/**
 * Capitalised words that are never a person's name: function words that open sentences, institutions, common
 * nouns of diplomatic prose, calendar words, document words, offices and departments, organisations.
 */
export const NOT_NAMES: ReadonlySet<string> = new Set([...FUNCTION_WORDS, ...set(`
  personal secret confidential most urgent immediate message messages telegram letter note memorandum
  minute minutes report reply answer aide-memoire aide-mémoire enclosure copy draft text
  government governments ministry ministère ministerio office foreign home war cabinet parliament commons lords house council
  committee commission conference congress assembly senate embassy legation consulate department division
  directorate service services staff army armies navy air force forces fleet front fronts command
  headquarters general-staff treaty pact agreement alliance allies allied axis entente league nations
  charter declaration communique communiqué protocol convention union republic republics kingdom empire
  state states federation commonwealth dominions dominion colonies party parties people peoples nation
  bureau press agency bank church university college institute society academy museum library archive
  archives record records public national international central northern southern eastern western north
  south east west far near middle upper lower greater little new old holy saint st
  monday tuesday wednesday thursday friday saturday sunday
  january february march april june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec
  spring summer autumn winter christmas easter
  god lord's majesty's
  mission missions operation operations plan plans memoir memoirs diary journal papers works volume vol
  chapter part section appendix ibid idem op cit see cf eg ie etc vols bk no nos pp
  bolshevik bolsheviks menshevik communist communists socialist socialists fascist fascists nazi nazis
  labour labor tory tories liberal liberals conservative conservatives democrat democrats republican
  whig whigs marxist marxists leninist stalinist trotskyist soviet soviets
  red white black green blue
  mr mrs sir lord
  p.s ps s.o.s n.b nb
  admiralty exchequer treasury reich reichstag wehrmacht luftwaffe kremlin order orders number numbers staffs
  supreme armed university press parliamentary affairs health trade news co ltd inc commander-in-chief commanders-in-chief
  narkomindel sovnarkom comintern cominform politburo stavka tass nkvd ogpu gpu gosplan
  aircraft tanks divisions sgd signed power powers privy seal
  following subenclosure annex paraphrase translation extract article articles paragraph clause schedule
  board boards corporation corporations company companies association associations society societies
  cooperative cooperatives corps chancellery chancery executive commission commissions syndicate exchange
  administration railway railways railroad railroads finance finances ways communication communications
  agriculture commerce labor labour interior justice marine education supplies supply food shipping
  manager managers commissioner commissioners quartermaster ministers consuls ambassadors secretaries
  governors generals officers delegates representatives zemstvo zemstvos duma soviet's
  workmen fishermen peasants soldiers callers cadets bolsheviki bolshevists maximalists
  trans anti pro pan sub inter ex non neo post pre
  informant informants unconfirmed confirmed reliable unreliable rumor rumors rumour rumours newspaper newspapers
  source sources observer observers unofficial semiofficial local latest further recent same former latter prompt
  detailed various certain general considerations united
  again finally apparently apparent accordingly amount
  extraordinary plenipotentiary plenipotentiaries naval military disarmament secretariat delegation delegations
  commanding engineers annuities series jr sr
  province provinces district government's department's ministry's daily weekly
`)]);

/** Nationality and ethnic names and adjectives: "the Russians", "French troops". */
export const NATIONALITIES: ReadonlySet<string> = set(`
  american americans anglo british briton britons english englishman englishmen scottish scots welsh irish
  french frenchman frenchmen german germans russian russians soviet polish pole poles czech czechs slovak
  slovaks hungarian hungarians romanian romanians roumanian roumanians rumanian bulgarian bulgarians
  yugoslav yugoslavs serb serbs serbian croat croats croatian greek greeks turkish turk turks italian italians
  spanish spaniard spaniards portuguese dutch belgian belgians swiss swedish swede swedes norwegian
  norwegians danish dane danes finnish finn finns estonian estonians latvian latvians lithuanian lithuanians
  ukrainian ukrainians byelorussian belorussian georgian georgians armenian armenians jewish jew jews arab
  arabs persian persians iranian iranians iraqi afghan indian indians chinese japanese korean koreans
  canadian canadians australian australians european europeans asian asians african africans
  austrian austrians prussian prussians bavarian balkan baltic scandinavian slav slavs slavic latin
  western eastern oriental occidental caucasian mongol mongols tatar tatars cossack cossacks
  franco russo sino italo austro germano polono
  brazilian brazilians bolivian bolivians paraguayan paraguayans argentine argentines argentinian argentinians
  chilean chileans colombian colombians peruvian peruvians uruguayan uruguayans venezuelan venezuelans ecuadoran
  ecuadorean ecuadorian mexican mexicans cuban cubans haitian haitians dominican dominicans guatemalan guatemalans
  honduran hondurans salvadoran salvadorean salvadorian nicaraguan nicaraguans panamanian panamanians rican
  ricans puerto egyptian egyptians ethiopian abyssinian liberian siamese burmese filipino filipinos manchu manchus
  mongolian tibetan
`);

/**
 * Countries, regions and cities of Europe, the former Soviet Union and the great capitals: a word of this list
 * is a place unless a title, initials or a given name make it a name ("Lord Halifax").
 */
export const PLACES: ReadonlySet<string> = set(`
  europe asia africa america americas australia arctic atlantic pacific mediterranean baltic balkans
  scandinavia caucasus siberia ukraine crimea manchuria mongolia bessarabia bukovina galicia silesia
  pomerania prussia bavaria saxony rhineland ruhr saar alsace lorraine flanders normandy brittany
  britain england scotland wales ireland ulster france germany russia ussr poland czechoslovakia hungary
  romania roumania rumania bulgaria yugoslavia serbia croatia slovenia albania greece turkey italy spain
  portugal netherlands holland belgium luxembourg switzerland austria sweden norway denmark finland
  iceland estonia latvia lithuania belorussia byelorussia georgia armenia azerbaijan iran persia iraq
  syria lebanon palestine egypt libya tunisia algeria morocco ethiopia abyssinia india china japan korea
  burma siam thailand indochina afghanistan canada mexico brazil argentina chile
  london paris berlin moscow rome vienna prague warsaw budapest bucharest sofia belgrade athens ankara washington
  istanbul constantinople tehran teheran cairo washington ottawa tokyo peking beijing chungking nanking
  shanghai stockholm oslo copenhagen helsinki helsingfors tallinn riga kaunas kovno vilna vilnius geneva
  berne bern brussels amsterdam the_hague hague lisbon madrid munich nuremberg yalta potsdam teheran
  leningrad petrograd stalingrad kiev kharkov odessa minsk smolensk kursk orel kuibyshev archangel
  murmansk vladivostok sevastopol rostov novgorod kishinev lvov lwow brest bialystok vyborg tula
  trieste istria danzig gdansk memel konigsberg breslau dresden leipzig hamburg cologne frankfurt
  versailles locarno rapallo munich yalta casablanca quebec dumbarton tehran cairo
  chicago boston york new_york oxford cambridge edinburgh manchester birmingham liverpool
  halifax kensington westminster whitehall downing kremlin
`);

/** Lower-case particles inside a name: "Joachim von Ribbentrop", "Elisabeth du Réau", "General de Gaulle". */
export const PARTICLES: ReadonlySet<string> = set(`von van der den de du des la le di da dos del d' ten ter zu`);

/** Verbs of saying and writing that take a person as subject: "said Churchill", "Maiskii replied". */
export const SPEECH_VERBS: ReadonlySet<string> = set(`
  said says say noted notes observed observes replied replies answered asked asks added adds remarked
  wrote writes told tells thought thinks complained argued argues insisted insists declared declares
  stated states explained explains suggested suggests proposed proposes agreed agrees reported reports
  emphasized emphasised emphasises emphasizes warned warns recalled recalls commented comments reckoned
  believed believes claimed claims admitted admits concluded concludes promised promises responded
  retorted rejoined minuted cabled telegraphed wired spoke talked appealed protested wondered feared hoped conceded
  acknowledged sent sends
`);

/**
 * Common given names of English, French, German, Russian, Polish and other European usage: a capitalised word
 * after one of them is a surname ("Alistair Horne", "Maurice Gamelin"). Names that are also common words or
 * places (Will, Mark, Georgia, Florence) are left out.
 */
export const FORENAMES: ReadonlySet<string> = set(`
  aaron abraham adam adolf adolphe adrian agnes alan albert alberto albrecht alec alexander alexandre
  alexandra alexei aleksei aleksandr alexandr alfred alfredo alice alistair allan allen alois alphonse
  ambrose amelia andrew andre andré andrei andrey andreas andrzej angela angelo ann anna anne annie
  anthony antoine anton antonio archibald aristide armand arnold arthur attlee august auguste augustin
  averell axel barbara barnett basil beatrice benedict benjamin bernard bertrand bertram boris bronislaw
  bruce bruno caroline carl carlo carlos catherine cecil cedric charles charlotte christian christopher
  clara claude clement clément clifford clive colin constance constantin constantine cordell dale daniel
  david dean denis dennis desmond dietrich dmitri dmitrii dmitry dominic donald dorothy douglas duff
  dwight earl edgar edmund edouard édouard edvard eduard edward edwin eleanor elisabeth elizabeth ellen
  emil emile émile emily emma eric erich ernest ernst esther eugen eugène eugeniusz eva evelyn fedor
  felix ferdinand fernand fitzroy francis francois françois frank franklin franz frederic frédéric
  frederick friedrich fyodor gabriel gaston geoffrey georg george georges georgi georgii gerald gerhard
  gilbert giovanni giuseppe gladwyn gordon graham gregory grigori grigorii guy gustav gustave hans harold
  harriet harry harvey heinrich helen helena helmut henri henrietta henry herbert herman hermann hilda
  horace howard hubert hugh hugo humphrey ian igor ilya ignacy isaac isabel ivan ivo jack jacob jacques
  james jan jane janet jean jean-paul jean-louis jerzy joachim johann johannes john jonathan josef joseph
  josip jozef józef jules julian julius karl kasimir katherine kathleen kazimierz kenneth klement
  klim kliment konstantin kurt lavrenti lavrentii lawrence laurence leo leon léon leonard leonid leopold
  leslie alexis anatole ivone lester lev lewis lionel lloyd louis louise lucien ludwig luigi lyndon maksim maxim maksym manuel
  marcel margaret maria marie marion martin mary matthew maurice max maxime maximilian michael michel
  mikhail miklos mikolaj milan miles molly mordecai moshe neville nicholas nicolas nikita nikolai
  nikolay norman olaf oliver olga orme oscar oskar otto patrick paul paule pavel pedro peter petr
  philip philippe pierre pyotr ralph ramsay raymond reginald rene rené richard robert roger roland
  ronald rudolf rudolph rupert samuel sarah semyon sergei sergey sidney simon stafford stanislaw
  stanisław stanley stefan stephen steven stewart stuart sumner sydney thomas timothy tomas tomasz
  ulrich valentin valerian vasili vasily vasilii vernon viacheslav vyacheslav victor viktor vincent
  vladimir vladislav walter wendell werner wilhelm william winston wladyslaw władysław wolfgang yakov
  yuri yves zygmunt eugene russell newton everett homer elmer chester irving warren elihu anastas andrei lazar nikolaus clementine averill cordell harold laurent maurice
`);

/** Words that introduce the name of a ship: "S.S. Simferopol", "the vessels Nascopie and Egba". */
export const SHIP_WORDS: ReadonlySet<string> = set(`
  s.s ss steamer steamers steamship vessel vessels ship ships transport transports schooner cruiser gunboat liner
`);

/**
 * Titles of an office, which can also stand before the name of the post rather than of its holder: "British
 * Minister Peking", "Consul Vladivostok". A place after one of them is the post.
 */
export const POST_TITLES: ReadonlySet<string> = set(`
  minister ambassador consul vice_consul vice-consul consul_general secretary commissar governor president premier
  chancellor foreign_minister charge chargé envoy viceroy taotai
`);

/**
 * Nouns that say what a person is or does, in an identification ("Langdon Warner, Vice Consul at Harbin") or
 * before the holder's name in parentheses ("The Special Representative (House)").
 */
export const ROLE_NOUNS: ReadonlySet<string> = set(`
  representative representatives member agent officer engineer president vice-president director chairman
  governor general attache attaché counselor counsellor commissioner manager head chief adviser advisor delegate
  commander consul minister ambassador secretary under-secretary professor banker merchant correspondent
  journalist editor leader premier chancellor ataman envoy interpreter clerk expert partner charge chargé
  commissar admiral colonel captain major lieutenant officer official emissary plenipotentiary judge mayor
  founder owner president-elect ruler king emperor prince doyen
`);

/** Words that end the name of an organisation ("War Trade Board", "Young Men’s Christian Association"): never a surname. */
export const ORGANISATION_WORDS: ReadonlySet<string> = set(`
  board boards corporation corporations company companies association associations society societies cooperative
  cooperatives corps chancellery chancery commission commissions syndicate exchange administration railway railways
  railroad railroads bank banks church university college institute academy museum library committee council
  conference congress assembly senate embassy legation consulate department ministry office bureau agency union chamber
  league party press trust mission
`);
