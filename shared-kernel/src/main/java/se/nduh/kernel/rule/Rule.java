package se.nduh.kernel.rule;

/**
 * Every business rule the platform enforces, each with a stable code (the enum name) and the kind of
 * refusal it is: a request that can never succeed ({@link Kind#INVALID}) or one that conflicts with the
 * current state ({@link Kind#CONFLICT}).
 */
public enum Rule {
    UnknownRegion(Kind.NOT_FOUND, "The region is not a member region of the network."),
    RegionNotServedHere(Kind.NOT_FOUND, "This deployment does not serve the region: the region's own deployment does."),
    NeedGroupSizeNotPositive(Kind.INVALID, "A need group must count at least one person."),
    NoKindOfEffort(Kind.INVALID, "A need names at least one kind of effort."),
    NeedNotInRegion(Kind.NOT_FOUND, "The region has no such need."),
    NeedIsWithdrawn(Kind.CONFLICT, "The need is withdrawn and takes no further commands."),
    TargetLeavesNoGap(Kind.INVALID, "The target leaves no health gap: in the indicator's direction it is not better than the current value."),
    InequityGroupsOutOfRange(Kind.INVALID, "An equity breakdown (jämlik hälsa) compares 2 to 12 groups."),
    InequityGroupNamedTwice(Kind.INVALID, "Each group of an equity breakdown is named once."),
    InequityGroupIsAPerson(Kind.INVALID, "A group of an equity breakdown is a category of the population (such as 'Förgymnasial utbildning'), never a person: no e-mail address, personal identity number, mobile number or name."),
    InequityGroupCountNegative(Kind.INVALID, "A group of an equity breakdown counts zero people or more."),
    GroupGapTargetWithoutBreakdown(Kind.CONFLICT, "A target aims at the gap between groups only once the need's equity breakdown is described."),
    GroupGapTargetLeavesNoGap(Kind.INVALID, "A target for the gap between groups is zero or more and narrower than the gap the breakdown shows now."),
    RatingOutOfRange(Kind.INVALID, "Data quality and political weight are rated from 1 to 5."),
    UnknownEvidence(Kind.NOT_FOUND, "The need has no such evidence."),
    PriorityRoundAlreadyOpen(Kind.CONFLICT, "The region already has a priority round for this budget year."),
    PriorityRoundNotInRegion(Kind.NOT_FOUND, "The region has no such priority round."),
    PriorityRoundNotOpen(Kind.CONFLICT, "The priority round is decided; reopen it to change the ranking."),
    PriorityRoundNotDecided(Kind.CONFLICT, "Only a decided priority round can be reopened."),
    EmptyRanking(Kind.INVALID, "A ranking lists at least one need."),
    RankingNeedOfAnotherRegion(Kind.INVALID, "Only the region's own needs can be ranked."),
    RankingNeedNotAssessedCareNeed(Kind.INVALID, "Only assessed care needs (vårdbehov) can be ranked; a need judged not to be a care need cannot."),
    NeedRankedTwice(Kind.INVALID, "Each need appears once in a ranking."),
    PriorityLevelOutOfRange(Kind.INVALID, "Priority levels run from 1 (highest) to 10."),
    PriorityLevelsDecrease(Kind.INVALID, "Priority levels never decrease along the ranking: 1 comes before 2."),
    RankingWithoutRationale(Kind.INVALID, "Every ranked need has a rationale citing at least one ethical principle and one criterion."),
    SeverityDeviationWithoutRationale(Kind.INVALID, "A need placed above a need of higher severity needs an explicit rationale for that deviation (the need-solidarity principle comes before cost-effectiveness)."),
    NothingRanked(Kind.CONFLICT, "The round has no ranking to decide."),
    RankingOmitsAssessedNeed(Kind.INVALID, "Everyone has the right to an assessment: every assessed care need of the region is ranked or marked not prioritised (icke-göra) with a reason."),
    NotPrioritisedNeedNotOpen(Kind.INVALID, "The icke-göra list names assessed care needs of the region that the ranking leaves out."),
    AllocationToUnrankedNeed(Kind.INVALID, "Resources go only to needs in the decided ranking."),
    MilestoneOutsideTheWheel(Kind.INVALID, "A step of budget year Y's wheel is held between the start of Y-1 (the needs described) and the end of Y+1 (the annual report)."),
    MilestoneAlreadyRecorded(Kind.CONFLICT, "The plan and budget are decided, and the annual report made, once a budget year; this one is recorded with another date or reference."),
    CommissionForUndecidedNeed(Kind.INVALID, "A commission addresses prioritised needs of a decided priority round of the same region."),
    NoFollowUpPlan(Kind.INVALID, "A commission has a follow-up plan."),
    CommissionGoalNotFollowedUp(Kind.INVALID, "Every goal is measured by an indicator of the follow-up plan (uppdraget och uppföljningen hänger inte ihop)."),
    PaymentNotLinkedToGoals(Kind.INVALID, "Active payment is linked to at least one of the commission's goals (uppdraget och ersättningen hänger inte ihop)."),
    FollowUpIndicatorOfUnknownGoal(Kind.INVALID, "A follow-up indicator measures one of the commission's own goals."),
    NoGoals(Kind.INVALID, "A commission has at least one long-term goal."),
    TimelineEndsBeforeItStarts(Kind.INVALID, "A commission's timeline ends after it starts."),
    CommissionNotInRegion(Kind.NOT_FOUND, "The region has no such commission."),
    NotTheAddressedProvider(Kind.FORBIDDEN, "Only the provider a commission is addressed to answers it and records its outcomes."),
    CommissionNotDraft(Kind.CONFLICT, "Only a draft commission can be revised or issued."),
    DraftDialogueAwaitsAnswer(Kind.CONFLICT, "The draft is with its provider for dialogue: it is revised or issued once the provider has answered."),
    DraftUnchangedSinceDialogue(Kind.CONFLICT, "The provider has answered this version of the draft; revise it before sending it for dialogue again."),
    NoDraftDialogueAwaitingAnswer(Kind.CONFLICT, "Only a draft sent to its provider for dialogue, and not yet answered, is answered."),
    EmptyDialogueAnswer(Kind.INVALID, "A dialogue answer has comments or at least one proposed change."),
    ProposedChangeOfUnknownGoal(Kind.INVALID, "A proposed change to a goal names one of the draft's goals; a change to another term names none."),
    JointCommissionWithoutPrincipal(Kind.INVALID, "A commission in samverkan mellan huvudmän names at least one other principal it is shared with."),
    OwnOrganisationCommissionWithPrincipal(Kind.INVALID, "A commission within the region's own organisation names no other principal."),
    PrincipalIncomplete(Kind.INVALID, "A municipality or other principal is given by its name and no region code; a region by its region code."),
    PrincipalIsTheRegionItself(Kind.INVALID, "The principals a joint commission is shared with are others than the commissioning region."),
    PrincipalNamedTwice(Kind.INVALID, "Each principal a joint commission is shared with is named once."),
    CommissionNotIssued(Kind.CONFLICT, "Only an issued commission can be accepted or sent back."),
    CommissionNotActive(Kind.CONFLICT, "Outcomes are recorded and evaluations made only for an accepted commission."),
    DialogueRoundNotAwaitingAnswer(Kind.CONFLICT, "Only a round of dialogue the provider has not answered is withdrawn."),
    ReasonMissing(Kind.INVALID, "Withdrawing a round of dialogue, proposing a plan revision and declining one each give a reason."),
    PlanRevisedOnlyDuringFollowUp(Kind.CONFLICT, "A commission's plan is revised only while it is accepted and followed up."),
    PlanRevisionAlreadyOpen(Kind.CONFLICT, "A plan revision is open: the elected officials agree to it or decline it, or its proposer withdraws it, before another is proposed or the commission is closed."),
    NoPlanRevisionOpen(Kind.CONFLICT, "Only a proposed plan revision, not yet agreed, declined or withdrawn, is agreed, declined or withdrawn."),
    PlanRevisionChangesNothing(Kind.INVALID, "A plan revision changes the goals, the follow-up plan or the payment."),
    PlanRevisionOfTheOtherSide(Kind.FORBIDDEN, "Only the side that proposed a plan revision (the region's civil servants or the addressed provider) withdraws it."),
    OutcomeIndicatorNotInPlan(Kind.INVALID, "Outcomes are recorded for the indicators of the follow-up plan as it stands (the current plan version)."),
    OutcomePeriodOutsideTimeline(Kind.INVALID, "The period of an outcome lies within the commission's timeline."),
    UnknownCatalogueIndicator(Kind.INVALID, "The shared indicator catalogue has no indicator of that code."),
    CatalogueIndicatorMismatch(Kind.INVALID, "An indicator linked to the shared catalogue has the catalogue's unit and direction."),
    ContactIsAPerson(Kind.INVALID, "The contact of a shared experience is a role (such as 'Strateg, hälso- och sjukvårdsförvaltningen'), never a person: no e-mail address, personal identity number, mobile number or name."),
    SharedTextNamesAPerson(Kind.INVALID, "A shared experience travels to every region: its title and summary name no person (no e-mail address, personal identity number, mobile number or name)."),
    LinkedCommissionNotInRegion(Kind.INVALID, "A shared experience links only to one of the region's own commissions."),
    ExperienceNotInRegion(Kind.NOT_FOUND, "The region has no such shared experience."),
    ExperienceNotReleased(Kind.CONFLICT, "Only an experience its region has released, and the network has received, can be curated as best practice."),
    BestPracticeWithoutTags(Kind.INVALID, "A curated best practice has at least one tag."),
    BestPracticeWithoutWhy(Kind.INVALID, "A curated best practice says why it is a good example."),
    BestPracticeNotCurated(Kind.CONFLICT, "Only a curated best practice can be retired."),
    RetirementWithoutReason(Kind.INVALID, "Retiring a best practice names a reason."),
    UnknownMetric(Kind.NOT_FOUND, "No comparison metric has that code: neither a metric of the cycle nor indicator.<code> of the shared catalogue."),
    BenchmarkRegionNotOwn(Kind.FORBIDDEN, "Benchmarks are shown as seen by one of the caller's own regions, never as another region sees them."),
    ReplayPointNotInHistory(Kind.NOT_FOUND, "The history has no such point: the item did not exist yet at that instant, or the version (of the item or of its ranking) lies beyond its latest.");

    private final Kind kind;
    private final String description;

    Rule(Kind kind, String description) {
        this.kind = kind;
        this.description = description;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public RuleViolation violation(String field) {
        return new RuleViolation(this, field, description);
    }

    /** How a refusal maps onto the protocol, decided once here rather than per endpoint. */
    public enum Kind { INVALID, CONFLICT, NOT_FOUND, FORBIDDEN }
}
