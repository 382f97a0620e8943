/*
 * NDUH pages: what every page shares. The pages hold no data of their own: they ask the API, signed in by the
 * session (the sign-in form), and send commands through /command-side, which passes them to the command side as
 * the signed-in user. Swedish is written in the pages; English comes from the EN table by each data-i18n key.
 */
const NDUH = (() => {
  const lang = localStorage.getItem('nduh.lang') === 'en' ? 'en' : 'sv';

  /** English for the pages' Swedish texts (data-i18n keys) and for the texts the scripts write. */
  const EN = {
    'nav.home': 'Home', 'nav.needs': 'Needs', 'nav.ranking': 'Priorities',
    'rank.year': 'Open a round for the budget year', 'rank.open': 'Open', 'rank.up': 'Up', 'rank.down': 'Down',
    'rank.help': 'Move a need with the buttons (or drag the handle). Level 1 is the highest priority.',
    'rank.rationale': 'Rationale', 'rank.deviation': 'Rationale for deviating from the ethical order', 'rank.principles': 'Principles', 'rank.criteria': 'Criteria',
    'rank.add': 'Add an assessed need', 'rank.choose': 'Choose a need', 'rank.addButton': 'Add', 'rank.save': 'Save the ranking', 'rank.decide': 'Decision',
    'rank.decisionHelp': 'The decision decides the saved ranking.', 'rank.allocations': 'Resources per prioritised need (SEK, empty if none)',
    'rank.notPrioritised': 'Needs not prioritised (icke-göra)', 'rank.allRanked': 'Every assessed care need is in the ranking.',
    'rank.notPrioritisedHelp': 'Every assessed care need not in the saved ranking is listed here, with the reason not to prioritise it.',
    'rank.allocationsDecided': 'Resources per prioritised need', 'rank.need': 'Need', 'rank.total': 'Total',
    'rank.decideButton': 'Decide', 'rank.reopen': 'Reason to reopen the decision', 'rank.reopenButton': 'Reopen', 'nav.comparisons': 'Comparisons', 'nav.audit': 'Audit',
    'nav.skip': 'Skip to content', 'nav.region': 'Region', 'nav.signout': 'Sign out', 'nav.language': 'Svenska',
    'home.title': 'The yearly cycle', 'home.wheel': 'Annual wheel', 'home.overdue': 'Overdue', 'home.due': 'Due',
    'home.done': 'Done', 'home.latest': 'Changed lately', 'home.year': 'Budget year',
    'fu.group': 'Group', 'fu.wholePopulation': 'Whole population',
    'com.outcomeGroup': 'Group (empty for the whole population, e.g. lower secondary education)',
    'home.budgetYear': 'Budget year', 'home.show': 'Show', 'home.held': 'Held outside the platform',
    'home.noneHeld': 'Nothing recorded for the budget year.', 'home.step': 'Step', 'home.heldOn': 'Date',
    'home.reference': 'Reference', 'home.record': 'Record a step held', 'home.recorded': 'The step is recorded.',
    'home.referenceHint': 'Reference (minutes paragraph, document, or whom the dialogue was held with)', 'home.recordButton': 'Record',
    'needs.title': 'Needs', 'needs.filter': 'Filter', 'needs.status': 'Status', 'needs.all': 'All',
    'needs.sort': 'Sort by', 'needs.search': 'Search', 'needs.propose': 'Propose a need', 'needs.gap': 'Health gap',
    'needs.groupGap': 'Gap between groups', 'need.equity': 'Equity (by group)', 'need.groupLabel': 'Group', 'need.groupValue': 'Value',
    'need.groupCount': 'Number of people', 'need.groupGapHistory': 'Gap between groups over time',
    'needs.group': 'Need group', 'needs.indicator': 'Indicator', 'needs.evidence': 'Evidence', 'needs.level': 'Priority',
    'needs.none': 'No needs match.', 'needs.page': 'Page', 'needs.of': 'of', 'needs.previous': 'Previous', 'needs.next': 'Next',
    'needs.proposed': 'The need was proposed.', 'needs.fix': 'Correct the fields marked below.',
    'form.title': 'Title', 'form.description': 'Description', 'form.groupDescription': 'Who the need concerns',
    'form.groupSize': 'Number of people', 'form.kinds': 'Kinds of effort', 'form.indicatorName': 'Indicator',
    'form.value': 'Current value', 'form.unit': 'Unit', 'form.direction': 'Better is', 'form.source': 'Source',
    'form.period': 'Period (year)', 'form.lower': 'lower', 'form.higher': 'higher', 'form.send': 'Propose',
    'kind.HEALTH_PROMOTING': 'health promoting', 'kind.PREVENTIVE': 'preventive', 'kind.TREATMENT': 'treatment',
    'kind.REHABILITATION': 'rehabilitation', 'kind.CARE': 'nursing and social care', 'kind.PALLIATIVE': 'palliative',
    'need.title': 'Need', 'need.target': 'Health target', 'need.assessment': 'Assessment', 'need.quality': 'Data quality (1–5)',
    'need.weight': 'Political weight', 'need.withdrawn': 'withdrawn', 'need.history': 'History', 'need.kind': 'Kind',
    'need.source': 'Source', 'need.back': 'Back to the needs',
    'cmp.title': 'Comparisons', 'cmp.metric': 'Metric', 'cmp.period': 'Period', 'cmp.own': 'own region',
    'cmp.suppressed': 'suppressed (too few to show)', 'cmp.median': 'median', 'cmp.quartiles': 'quartiles',
    'cmp.table': 'The figures as a table', 'cmp.region': 'Region', 'cmp.value': 'Value', 'cmp.trend': 'Over the years',
    'cmp.noFigures': 'No figures are published for the metric yet.', 'cmp.trendTable': 'The trend as a table', 'cmp.ownValue': 'Own region',
    'cmp.medianHead': 'Median', 'cmp.quartilesHead': 'Quartiles', 'cmp.regions': 'Regions', 'cmp.suppressedHead': 'Suppressed',
    'cmp.notReported': 'not reported', 'cmp.ownGaps': 'Own region suppressed or not reported', 'cmp.networkGaps': 'Every region suppressed',
    'cmp.gapsNotZero': 'Those periods are gaps in the lines, never zero.', 'cmp.lowerQuartile': 'lower quartile', 'cmp.upperQuartile': 'upper quartile',
    'cmp.network': 'The network at a glance', 'cmp.loading': 'Fetching the metrics …', 'cmp.latest': 'Latest period', 'cmp.direction': 'Direction',
    'cmp.networkHelp': 'Each metric in its latest period: how many regions reported, how many cells are suppressed, median and quartiles, and how the median moved since the period before.',
    'cmp.since': 'since', 'cmp.unchanged': 'unchanged', 'cmp.better': 'better', 'cmp.worse': 'worse', 'cmp.rises': 'rises', 'cmp.falls': 'falls',
    'audit.title': 'Audit', 'audit.round': 'Priority round', 'audit.asOf': 'As of', 'audit.timeline': 'Timeline',
    'audit.state': 'The round as it stood', 'audit.diff': 'Difference between versions', 'audit.from': 'From version',
    'audit.to': 'To version', 'audit.verify': 'Verify the record', 'audit.intact': 'The record is intact',
    'audit.broken': 'The record has been altered', 'audit.report': 'Printable report', 'audit.when': 'When',
    'audit.what': 'What', 'audit.who': 'Who', 'audit.role': 'Role', 'audit.version': 'Version', 'audit.show': 'Show',
    'audit.decision': 'Decision', 'audit.ranking': 'Ranking', 'audit.notDoing': 'Not to do',
    'login.title': 'Sign in', 'login.user': 'Username', 'login.password': 'Password', 'login.send': 'Sign in',
    'login.wrong': 'Wrong username or password.', 'login.locked': 'Too many failed attempts: wait five minutes.',
    'login.out': 'You are signed out.', 'login.provider': "Sign in through the region's sign-in",
    'login.refused': 'The sign-in through the region failed, or gave you no access to NDUH.',
    'error.server': 'Something went wrong; what you wrote is kept. Try again.',
    'error.forbidden': 'Your role may not do this.', 'error.notFound': 'Not found.',
    'nav.commissions': 'Commissions', 'nav.followUp': 'Follow-up', 'nav.operations': 'Operations', 'nav.experiences': 'Experiences',
    'exp.title': 'Experiences and best practice', 'exp.candidates': 'Released experiences not in the library', 'exp.releasedOn': 'Released',
    'exp.choose': 'Choose', 'exp.noCandidates': 'Every released experience is already in the library.', 'exp.library': 'Best practice in the network', 'exp.area': 'Area',
    'exp.noneFound': 'Nothing in the library matches.', 'exp.why': 'Why it is best practice:', 'exp.retireReason': 'Reason to take it out of the library',
    'exp.retire': 'Take out', 'exp.curate': 'Lift up a released experience', 'exp.curateButton': 'Lift up', 'exp.region': "The region's experiences",
    'exp.release': 'Release', 'exp.share': 'Share an experience', 'exp.summary': 'What the region learned', 'exp.shareButton': 'Share',
    'ops.title': 'Operations', 'ops.projections': 'Projections', 'ops.name': 'Read model', 'ops.running': 'Running',
    'ops.handled': 'Events handled', 'ops.inStore': 'in the event store', 'ops.rate': 'Events per second', 'ops.state': 'State', 'ops.rebuild': 'Rebuild',
    'ops.deadLetters': 'Dead letters', 'ops.noDeadLetters': 'No event is waiting in a dead-letter queue.',
    'ops.event': 'Event', 'ops.aggregate': 'Aggregate', 'ops.cause': 'Cause', 'ops.since': 'Since', 'ops.retry': 'Try again',
    'ops.caughtUp': 'caught up', 'ops.rebuilding': 'rebuilding', 'ops.stopped': 'stopped',
    'com.title': 'Commissions', 'com.board': 'The commission board', 'com.provider': 'Provider', 'com.warnings': 'Warnings',
    'com.new': 'Write a new commission', 'com.reviseDraft': 'Change the draft', 'draft.title': 'New commission', 'draft.back': 'Back to the commissions',
    'draft.notYours': "Commissions are written by the region's civil servants.", 'draft.noRound': 'No priority round is decided: commissions are given for needs the elected officials prioritised.',
    'draft.terms': "The commission's terms", 'draft.pitfalls': 'Pitfalls in the proposal right now', 'draft.checkHint': 'Fill in the terms: the proposal is checked as you write.',
    'draft.incomplete': 'The proposal is not complete yet: once every field is filled in, the pitfalls show here.', 'draft.noPitfalls': 'None of the pitfalls shows in the proposal.',
    'draft.needs': 'Needs the commission is to meet', 'draft.round': 'Priority round (decided)', 'draft.prioritised': 'The prioritised needs',
    'draft.what': 'What and by whom', 'draft.start': 'Starts', 'draft.end': 'Ends', 'draft.beyond': 'health care alone cannot reach it',
    'draft.remove': 'Remove', 'draft.addGoal': 'Add a goal', 'draft.measures': 'Measures the goal', 'draft.noGoal': 'none of the goals',
    'draft.addIndicator': 'Add an indicator', 'draft.paymentKind': 'Kind', 'draft.share': 'Share linked to the goals (%)',
    'draft.linked': 'The goals the payment is linked to', 'draft.scope': 'The commission is given', 'draft.principalName': 'Name',
    'draft.chooseRegion': 'Choose a region', 'draft.addPrincipal': 'Add a principal', 'draft.save': 'Save the draft',
    'com.open': 'Open', 'com.none': 'No commissions.', 'com.period': 'Period', 'com.payment': 'Payment', 'com.scope': 'Principal',
    'com.noWarnings': 'No warnings.', 'com.goals': 'Goals', 'com.baseline': 'Baseline', 'com.target': 'Target',
    'com.targetDate': 'Target date', 'com.fulfilment': 'Goal fulfilment', 'com.plan': 'Follow-up plan', 'com.level': 'Level',
    'com.perspective': 'Perspective', 'com.frequency': 'How often', 'com.dialogue': 'Dialogue on the draft',
    'com.sendDialogue': 'Send the draft to the provider for dialogue', 'com.send': 'Send', 'com.answer': 'Answer in the dialogue',
    'com.comments': 'Comments', 'com.issue': 'Issue the commission', 'com.decidedBy': 'Decided by', 'com.decisionDate': 'Date of decision',
    'com.issueButton': 'Issue', 'com.reply': 'Answer the commission', 'com.accept': 'Accept the commission',
    'com.changes': 'Changes needed', 'com.askChanges': 'Ask for changes', 'com.outcome': 'Record an outcome',
    'com.outcomePeriod': 'Period (year or year-quarter, e.g. 2026-Q1)', 'com.record': 'Record',
    'com.close': 'Close and evaluate the commission', 'com.evaluation': 'Were the goals reached?', 'com.why': 'Why',
    'com.closeButton': 'Close', 'com.withdrawDialogue': 'Withdraw the draft from the dialogue', 'com.withdrawReason': 'Reason',
    'com.withdrawButton': 'Withdraw', 'com.planVersions': 'Versions of the plan', 'com.revise': 'Does the plan need revising?',
    'com.reviseButton': 'Propose the revised plan', 'com.openRevision': 'Proposed revision of the plan', 'com.agree': 'Agree',
    'com.decline': 'Decline', 'com.declineReason': 'Reason to decline', 'com.withdrawRevision': 'Withdraw the proposal',
    'com.revisionReason': 'Why the plan needs revising', 'com.amount': 'Amount (SEK)',
    'fu.level': 'Decision level', 'fu.levelIndicators': 'Indicators at this level', 'fu.latest': 'Latest outcome',
    'fu.fits': 'Pace fits the level', 'fu.planVersion': 'Plan version', 'fu.noLevel': 'No accepted commission follows anything up at this level.',
    'fu.title': 'Follow-up', 'fu.commission': 'Commission', 'fu.none': 'No commission has outcomes to follow up yet.',
    'fu.recorded': 'Recorded', 'fu.corrected': 'corrected', 'fu.noOutcomes': 'No outcomes recorded yet.',
    'fu.chart': 'outcomes over time against baseline and target', 'fu.outcome': 'Outcome', 'fu.baseline': 'Baseline', 'fu.target': 'Target', 'fu.start': 'start', 'fu.targetDate': 'target date',
    'status.PROPOSED': 'proposed', 'status.ASSESSED': 'assessed', 'status.PRIORITISED': 'prioritised', 'status.WITHDRAWN': 'withdrawn',
  };

  /** Swedish for the texts the scripts write (the pages' own texts are Swedish already). */
  const SV = {
    'home.overdue': 'Försenat', 'home.due': 'Senast', 'home.done': 'Klart', 'needs.none': 'Inga behov matchar.',
    'needs.proposed': 'Behovet är föreslaget.', 'needs.fix': 'Rätta fälten som är markerade nedan.',
    'cmp.own': 'egen region', 'cmp.suppressed': 'undertryckt (för få för att visas)', 'cmp.median': 'median',
    'cmp.quartiles': 'kvartiler', 'audit.intact': 'Registret är oförändrat', 'audit.broken': 'Registret har ändrats',
    'need.withdrawn': 'återkallad', 'com.open': 'Öppna', 'ops.caughtUp': 'ikapp', 'exp.region': 'Regionens erfarenheter', 'exp.release': 'Frisläpp', 'ops.rebuilding': 'byggs om', 'ops.stopped': 'stoppad', 'fu.chart': 'utfall över tid mot utgångsvärde och mål', 'fu.corrected': 'rättat',
    'fu.outcome': 'Utfall', 'fu.baseline': 'Utgångsvärde', 'fu.target': 'Mål',
    'error.server': 'Något gick fel; det du skrev finns kvar. Försök igen.', 'error.forbidden': 'Din roll får inte göra detta.',
    'error.notFound': 'Finns inte.',
    'kind.HEALTH_PROMOTING': 'hälsofrämjande', 'kind.PREVENTIVE': 'förebyggande', 'kind.TREATMENT': 'behandlande',
    'kind.REHABILITATION': 'rehabiliterande', 'kind.CARE': 'omvårdnad och omsorg', 'kind.PALLIATIVE': 'palliativ',
    'status.PROPOSED': 'föreslaget', 'status.ASSESSED': 'bedömt', 'status.PRIORITISED': 'prioriterat', 'status.WITHDRAWN': 'återkallat',
  };

  /** The server's rules, in Swedish, by their codes; the server's own (English) message where none is written here. */
  const RULES = {
    NotBlank: 'Får inte vara tomt.', NotNull: 'Måste anges.', NotEmpty: 'Välj minst ett.', Positive: 'Måste vara större än noll.',
    Size: 'Har fel längd.', Headcount: 'Ett antal personer mellan 0 och 20 000 000.', Measure: 'Ett ändligt tal med högst fyra decimaler.',
    DecimalMin: 'Är för litet.', DecimalMax: 'Är för stort.', Min: 'Är för litet.', Max: 'Är för stort.', Pattern: 'Har fel form.',
    NeedGroupSizeNotPositive: 'Behovsgruppen måste omfatta minst en person.', NoKindOfEffort: 'Ange minst ett slags insats.',
    TargetLeavesNoGap: 'Målet lämnar inget glapp att sluta.', NeedIsWithdrawn: 'Behovet är återkallat.',
    InequityGroupsOutOfRange: 'Jämför 2 till 12 grupper.', InequityGroupNamedTwice: 'Varje grupp namnges en gång.',
    InequityGroupIsAPerson: 'En grupp är en kategori i befolkningen, aldrig en person.', InequityGroupCountNegative: 'Antalet kan inte vara negativt.',
    GroupGapTargetWithoutBreakdown: 'Beskriv skillnaden mellan grupper innan målet siktar på den.',
    GroupGapTargetLeavesNoGap: 'Målet för skillnaden mellan grupper är noll eller mer och mindre än skillnaden nu.',
    PriorityLevelsDecrease: 'Nivåerna får inte minska nedåt i listan: nivå 1 kommer före nivå 2.',
    PriorityLevelOutOfRange: 'En nivå från 1 (högst) till 10.', NeedRankedTwice: 'Ett behov står bara en gång i listan.',
    EmptyRanking: 'Rangordningen behöver minst ett behov.',
    RankingWithoutRationale: 'Varje behov behöver en motivering med minst en princip och ett kriterium.',
    SeverityDeviationWithoutRationale: 'Ett behov placerat över ett svårare behov behöver en motivering för avsteget.',
    RankingNeedNotAssessedCareNeed: 'Bara bedömda vårdbehov kan rangordnas.',
    RankingOmitsAssessedNeed: 'Varje bedömt vårdbehov ska rangordnas eller stå som icke-göra med skäl.',
    NothingRanked: 'Omgången har ingen rangordning att besluta om.', PriorityRoundAlreadyOpen: 'Det finns redan en omgång för det året.',
    ReplayPointNotInHistory: 'Det fanns inget sådant läge i historiken vid den tidpunkten.',
    CommissionNotDraft: 'Bara ett utkast kan ändras eller utfärdas.',
    DraftDialogueAwaitsAnswer: 'Förslaget är hos utföraren för dialog: det ändras eller utfärdas när utföraren har svarat.',
    DraftUnchangedSinceDialogue: 'Utföraren har svarat på den här versionen: ändra förslaget innan det skickas igen.',
    NoDraftDialogueAwaitingAnswer: 'Inget förslag väntar på svar i dialogen.', EmptyDialogueAnswer: 'Skriv synpunkter eller föreslå en ändring.',
    NotTheAddressedProvider: 'Bara utföraren som uppdraget riktar sig till svarar på det och registrerar utfall.',
    CommissionNotIssued: 'Bara ett utfärdat uppdrag kan accepteras eller skickas tillbaka.',
    CommissionNotActive: 'Utfall registreras och utvärdering görs bara för ett accepterat uppdrag.',
    OutcomeIndicatorNotInPlan: 'Utfall registreras för uppföljningsplanens indikatorer.',
    OutcomePeriodOutsideTimeline: 'Perioden ligger utanför uppdragets tid.',
    MilestoneOutsideTheWheel: 'Budgetår Y:s steg hålls mellan början av år Y-1 och slutet av år Y+1.',
    MilestoneAlreadyRecorded: 'Beslutet om plan och budget och årsredovisningen registreras en gång per budgetår.',
    DialogueRoundNotAwaitingAnswer: 'Bara en dialogrunda som utföraren inte har svarat på kan återkallas.',
    ReasonMissing: 'Ange ett skäl.',
    PlanRevisedOnlyDuringFollowUp: 'Planen revideras bara medan uppdraget är accepterat och följs upp.',
    PlanRevisionAlreadyOpen: 'Ett förslag till reviderad plan väntar redan på beslut: det godkänns, avslås eller dras tillbaka först.',
    NoPlanRevisionOpen: 'Inget förslag till reviderad plan väntar på beslut.',
    PlanRevisionChangesNothing: 'Förslaget ändrar varken mål, uppföljningsplan eller ersättning.',
    PlanRevisionOfTheOtherSide: 'Bara den sida som lade förslaget kan dra tillbaka det.',
    NoGoals: 'Uppdraget behöver minst ett mål.', NoFollowUpPlan: 'Uppdraget behöver en uppföljningsplan.',
    CommissionGoalNotFollowedUp: 'Varje mål mäts av en indikator i uppföljningsplanen.',
    PaymentNotLinkedToGoals: 'Aktiv ersättning kopplas till minst ett av uppdragets mål.',
    CommissionForUndecidedNeed: 'Uppdraget gäller behov som en beslutad prioriteringsomgång i regionen har prioriterat.',
    TimelineEndsBeforeItStarts: 'Uppdraget slutar innan det börjar.',
    FollowUpIndicatorOfUnknownGoal: 'En indikator i uppföljningsplanen mäter ett av uppdragets egna mål.',
    JointCommissionWithoutPrincipal: 'Ett uppdrag i samverkan mellan huvudmän namnger minst en annan huvudman.',
    OwnOrganisationCommissionWithPrincipal: 'Ett uppdrag inom egen organisation har ingen annan huvudman.',
    PrincipalIncomplete: 'En kommun eller annan huvudman anges med namn, en region med sin regionkod.',
    PrincipalIsTheRegionItself: 'Huvudmännen uppdraget delas med är andra än regionen själv.',
    PrincipalNamedTwice: 'Varje huvudman namnges en gång.',
    AmountSek: 'Ett belopp i kronor: inte negativt, högst 13 siffror före och 2 efter decimaltecknet.',
    AllocationToUnrankedNeed: 'Resurser går bara till behov i den beslutade rangordningen.',
    NotPrioritisedNeedNotOpen: 'Icke-göra-listan tar upp regionens bedömda vårdbehov som rangordningen lämnar utanför.',
    type: 'Har fel form.', UnreadableBody: 'Begäran gick inte att läsa.', UnknownField: 'Okänt fält.', InvalidValue: 'Ogiltigt värde.',
  };

  function t(key, fallback) {
    const table = lang === 'en' ? EN : SV;
    return table[key] ?? fallback ?? key;
  }

  function cookie(name) {
    const found = document.cookie.split('; ').find(part => part.startsWith(name + '='));
    return found ? decodeURIComponent(found.substring(name.length + 1)) : '';
  }

  /** A random key for one submission, the same on its retries (crypto.randomUUID needs https off localhost). */
  function newKey() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('');
  }

  /** A refusal: its status, and its violations as {field, rule, message}, Swedish where the rule is known. */
  class Problem extends Error {
    constructor(status, body) {
      super(body?.detail ?? ('HTTP ' + status));
      this.status = status;
      const violations = body?.errors ?? (body?.rule ? [{field: body.field, rule: body.rule, message: body.detail}] : []);
      this.violations = violations.map(v => ({field: v.field ?? '', rule: v.rule, message: RULES[v.rule] && lang === 'sv' ? RULES[v.rule] : v.message}));
    }
    /** The messages for one field, joined; the field's own first. */
    on(field) {
      return this.violations.filter(v => v.field === field).map(v => v.message).join(' ');
    }
    /** What to say above the form: a rule of the whole request in its own words, else the status's. */
    get general() {
      const whole = this.violations.find(v => !v.field && RULES[v.rule]);
      if (whole && lang === 'sv') return whole.message;
      if (this.status === 403) return t('error.forbidden', 'Din roll får inte göra detta.');
      if (this.status === 404) return t('error.notFound', 'Finns inte.');
      if (this.status >= 500 || this.violations.length === 0) return this.message && this.status < 500 ? this.message : t('error.server');
      return t('needs.fix', 'Rätta fälten som är markerade nedan.');
    }
  }

  /**
   * Asks the API; a command goes through /command-side, an operator's action ({@code here}) to the query side's own
   * endpoint. A lost session goes back to the sign-in form.
   */
  async function api(path, {method = 'GET', body, key, here = false} = {}) {
    const headers = {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json, application/problem+json'};
    const command = method !== 'GET';
    if (command) {
      headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN');
      headers['Idempotency-Key'] = key ?? newKey();
    }
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(command && !here ? '/command-side' + path : path,
        {method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body)});
    if (response.status === 401) {
      location.assign('/logga-in?tillbaka=' + encodeURIComponent(location.pathname + location.search));
      // The page is leaving for the sign-in: its scripts wait rather than fail on what they can no longer show.
      return new Promise(() => {});
    }
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) throw new Problem(response.status, data);
    return data;
  }

  let me = null;
  /** The signed-in user and the region the pages show: the one chosen, else the first the user's roles cover. */
  async function session() {
    if (!me) {
      me = await api('/api/v1/me');
      const all = await api('/api/v1/regions');
      me.names = Object.fromEntries(all.map(region => [region.code, region.name]));
      const regions = all.map(region => region.code);
      const own = me.grants.flatMap(grant => grant.regions === '*' ? regions : grant.regions.split(';'));
      me.regions = regions.filter(code => own.includes(code));
      const chosen = new URLSearchParams(location.search).get('region') ?? sessionStorage.getItem('nduh.region');
      me.region = me.regions.includes(chosen) ? chosen : me.regions[0] ?? null;
      if (me.region) sessionStorage.setItem('nduh.region', me.region);
    }
    return me;
  }

  /** A commission's follow-up levels and paces, and the seeds' pitfalls it is warned of, in Swedish. */
  const LEVELS = {ACTIVITY: 'aktivitet', PROCESS: 'process', INDICATOR: 'indikator', EFFECT: 'effekt'};
  const FREQUENCIES = {WEEK: 'varje vecka', MONTH: 'varje månad', QUARTER: 'varje kvartal', HALF_YEAR: 'varje halvår', YEAR: 'varje år'};
  const WARNINGS = {
    FOLLOW_UP_ONLY_AT_ACTIVITY_LEVEL: 'Uppföljningen sker bara på aktivitetsnivå.',
    NO_POPULATION_PERSPECTIVE: 'Ingen indikator har befolkningsperspektiv.',
    GOAL_BEYOND_HEALTH_CARE: 'Ett mål kan inte påverkas av hälso- och sjukvården ensam.',
    TOO_OPEN_TO_INTERPRETATION: 'För stort utrymme för egen tolkning: ett mål begär ingen förändring eller ska nås först efter uppdragets slut.',
    TOO_DETAILED: 'För detaljerat: ett effektmål styrs också med aktiviteter, eller uppföljning begärs varje vecka.',
    FOLLOW_UP_FREQUENCY_UNFIT_FOR_LEVEL: 'Uppföljning i fel takt för sin nivå: effekter följs upp per halvår–år, indikatorer per kvartal, processer per månad, aktiviteter per vecka.',
  };
  const warning = code => WARNINGS[code] ?? code;

  /** Whether the signed-in user (null until the session is known) holds one of the roles. */
  const holds = (me, ...roles) => !!me?.grants.some(grant => roles.includes(grant.role));

  /** The ethical platform's principles and the ranking's criteria, by their codes in the API. */
  const PRINCIPLES = {HUMAN_DIGNITY: 'människovärdesprincipen', NEED_SOLIDARITY: 'behovs-solidaritetsprincipen',
    COST_EFFECTIVENESS: 'kostnadseffektivitetsprincipen'};
  const CRITERIA = {SEVERITY: 'svårighetsgrad', BENEFIT: 'nytta', COST_EFFECTIVENESS: 'kostnadseffektivitet', EVIDENCE: 'evidens'};

  /** The kinds of effort (insatser) a need or an experience names, in the order the forms offer them. */
  const KINDS_OF_EFFORT = ['PREVENTIVE', 'HEALTH_PROMOTING', 'TREATMENT', 'REHABILITATION', 'CARE', 'PALLIATIVE'];

  /** What the groups of an equity breakdown (jämlik hälsa) differ by, in Swedish, in the order the forms offer them. */
  const EQUITY_DIMENSIONS = {SEX: 'Kön', AGE_BAND: 'Åldersgrupp', EDUCATION: 'Utbildningsnivå', COUNTRY_OF_BIRTH: 'Födelseland',
    SOCIOECONOMIC_INDEX: 'Socioekonomiskt index (CNI)', GEOGRAPHY: 'Geografi'};

  /** The gap between a need's groups as one line: absolute in the unit, relative in per cent, worst and best group. */
  function groupGap(gap, unit) {
    if (!gap) return '–';
    return number(gap.absolute) + ' ' + unit + ' absolut' + (gap.relative === null || gap.relative === undefined ? ''
        : ', ' + number(gap.relative * 100) + ' % relativ') + ' (' + gap.worstGroup + ' mot ' + gap.bestGroup + ')';
  }

  function chooseRegion(code) {
    sessionStorage.setItem('nduh.region', code);
    const url = new URL(location.href);
    url.searchParams.set('region', code);
    location.assign(url);
  }

  function switchLanguage() {
    localStorage.setItem('nduh.lang', lang === 'en' ? 'sv' : 'en');
    location.reload();
  }

  const numbers = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE', {maximumFractionDigits: 2});
  const dates = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'sv-SE', {dateStyle: 'medium', timeStyle: 'short'});
  const number = value => value === null || value === undefined ? '–' : numbers.format(value);
  /** A number as typed in Swedish ("1 500 000,50"); what is no number goes as typed, so that the server names the rule. */
  const decimal = text => {
    const typed = String(text ?? '').replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
    return typed !== '' && Number.isFinite(Number(typed)) ? Number(typed) : String(text ?? '').trim();
  };
  const dateTime = value => value ? dates.format(new Date(value)) : '–';
  /** A number put back into a form as its reader would type it: every digit kept, a decimal comma in Swedish. */
  const typed = value => value === null || value === undefined ? '' : lang === 'en' ? String(value) : String(value).replace('.', ',');

  /** English for the page's marked texts; the language, the sign-out form's token and the page's nav state. */
  function decorate() {
    document.documentElement.lang = lang;
    if (lang === 'en') {
      document.querySelectorAll('[data-i18n]').forEach(element => {
        const english = EN[element.dataset.i18n];
        if (english) element.textContent = english;
      });
    }
    // The toggle names the other language, in that language.
    document.querySelectorAll('[data-i18n="nav.language"]').forEach(button => button.lang = lang === 'en' ? 'sv' : 'en');
    document.querySelectorAll('input[name="_csrf"]').forEach(input => input.value = cookie('XSRF-TOKEN'));
    document.querySelectorAll('header.top nav a').forEach(link => {
      if (link.pathname === location.pathname) link.setAttribute('aria-current', 'page');
    });
  }
  document.addEventListener('DOMContentLoaded', decorate);

  /** Live updates: the region's stream of read-model changes; a change of one of the named read models calls back, as does the stream's (re)opening. */
  function follow(region, readModels, onChange) {
    const source = new EventSource('/api/v1/regions/' + encodeURIComponent(region) + '/events');
    readModels.forEach(name => source.addEventListener(name, onChange));
    // A change made before the stream first opened, or while it was reconnecting, is read when it opens.
    source.addEventListener('open', onChange);
    return source;
  }

  /** A colour of the style sheet (--own, --brand), for charts: the style sheet alone decides what they look like. */
  const colour = name => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

  return {lang, t, api, session, colour, LEVELS, FREQUENCIES, PRINCIPLES, CRITERIA, warning, holds, KINDS_OF_EFFORT, EQUITY_DIMENSIONS, groupGap, chooseRegion, switchLanguage,
    number, decimal, typed, dateTime, newKey, follow, Problem};
})();

document.addEventListener('alpine:init', () => {
  /** The header's signed-in user and region picker, on every page. */
  Alpine.data('top', () => ({
    me: null,
    async init() { this.me = await NDUH.session(); },
    choose(event) { NDUH.chooseRegion(event.target.value); },
    language: () => NDUH.switchLanguage(),
  }));
});
