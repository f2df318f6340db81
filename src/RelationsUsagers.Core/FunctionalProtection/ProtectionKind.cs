using FluentValidation;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Security;
using static RelationsUsagers.Core.Clock.CaseFacts;

namespace RelationsUsagers.Core.FunctionalProtection;

/// <summary>
/// Protection fonctionnelle of the hospital's agents (CGFP L.134-1 to L.134-12; décret 2017-97; circulaire DGOS 2024/3):
/// the request, the decision or its implicit rejection after 2 months (CRPA L.231-4), the reasons due within a month of a
/// request for them (CRPA L.232-4), the measures granted and the costs paid, the end or withdrawal of the protection.
/// Restricted: the request is not communicable to the alleged author, and only holders of
/// <see cref="Permissions.FunctionalProtection"/> see these files.
/// </summary>
public sealed class ProtectionKind : CaseKindDefinition
{
    // Timeline codes (stored): this kind's own, kept beside its steps.
    public const string Investigated = "protection-investigated";
    public const string Granted = "protection-granted";
    public const string PartlyGranted = "protection-partly-granted";
    public const string RefusedEvent = "protection-refused";
    public const string ReasonsRequested = "protection-reasons-requested";
    public const string ReasonsSent = "protection-reasons-sent";
    public const string Ended = "protection-ended";
    public const string Withdrawn = "protection-withdrawn";

    private static readonly string[] Decisions = [Granted, PartlyGranted, RefusedEvent];

    public override CaseKind Kind => CaseKind.FunctionalProtection;
    public override string Prefix => "PFA";
    public override string Label => "Protection fonctionnelle";
    public override string ShortLabel => "Protection fonct.";
    public override string PersonLabel => "Agent";
    public override (string Label, string Hint) RequesterCapacityLabel => (ProtectionFieldNames.RequesterCapacity, "L'agent lui-même, son conjoint, son avocat…");
    public override IReadOnlyDictionary<string, string> OwnFieldNames => ProtectionFieldNames.ByProperty;
    public override string? ValueLabel(object value) => ProtectionFieldNames.ValueLabel(value);
    public override string? Permission => Permissions.FunctionalProtection;

    public override CaseFile New() => new ProtectionCase { Beneficiaries = [new ProtectionBeneficiary()] };

    public override IValidator CreateValidator(TimeProvider clock, AccessRequests.CopyFeeSchedule? copyFees) => new ProtectionValidator(clock);

    public override IReadOnlyList<CaseEventType> EventTypes { get; } =
    [
        new(Investigated, "Instruction de la demande"),
        new(Granted, "Protection accordée"),
        new(PartlyGranted, "Protection accordée en partie"),
        new(RefusedEvent, "Protection refusée (décision motivée)"),
        new(ReasonsRequested, "Motifs du rejet implicite demandés"),
        new(ReasonsSent, "Motifs du rejet communiqués"),
        new(Ended, "Fin de la protection"),
        new(Withdrawn, "Retrait de la protection"),
    ];

    private static readonly CaseStatus[] Pending = [CaseStatus.Received, CaseStatus.UnderInvestigation];

    public override IReadOnlyList<CaseStep> Steps { get; } =
    [
        new("investigate", "Instruire la demande", [CaseStatus.Received], CaseStatus.UnderInvestigation, Investigated)
            { Needs = StepNeeds.OptionalText, TextLabel = "Pièces ou avis demandés" },
        new("grant", "Accorder la protection", Pending, CaseStatus.ProtectionGranted, Granted)
            { Needs = StepNeeds.OptionalText, TextLabel = "Formes de la protection accordées" },
        // A partial grant refuses the rest: reasoned, as any refusal (CRPA L.211-2).
        new("grant-in-part", "Accorder en partie", Pending, CaseStatus.ProtectionGranted, PartlyGranted)
            { Needs = StepNeeds.Text, TextLabel = "Motifs du refus partiel" },
        new("refuse", "Refuser (décision motivée)", Pending, CaseStatus.Refused, RefusedEvent)
            { Needs = StepNeeds.Text, TextLabel = "Motifs du refus" },
        // CRPA L.232-4: after 2 months' silence the agent may ask for the reasons; the case stays where it is.
        new("reasons-requested", "Demande des motifs du rejet implicite", Pending, null, ReasonsRequested),
        new("send-reasons", "Communiquer les motifs", Pending, CaseStatus.Refused, ReasonsSent)
            { Needs = StepNeeds.Text, TextLabel = "Motifs communiqués" },
        new("end", "Mettre fin à la protection", [CaseStatus.ProtectionGranted], CaseStatus.Closed, Ended)
            { Needs = StepNeeds.Text, TextLabel = "Issue de la procédure" },
        // A personal fault detachable from the job, shown later, allows the withdrawal (L.134-4, L.134-5).
        new("withdraw", "Retirer la protection", [CaseStatus.ProtectionGranted], CaseStatus.Closed, Withdrawn)
            { Needs = StepNeeds.Text, TextLabel = "Motifs du retrait (faute personnelle établie)" },
        new("abandon", "Classer sans suite", Pending, CaseStatus.Abandoned, CaseEventTypes.Abandoned)
            { Needs = StepNeeds.Text, TextLabel = "Motif du classement (demande retirée…)" },
    ];

    public override void ApplyFact(CaseFile file, string eventType, DateOnly? on)
    {
        var p = (ProtectionCase)file;
        switch (eventType)
        {
            case Granted or PartlyGranted or RefusedEvent: p.DecisionOn = on; break;
            case ReasonsRequested: p.ReasonsRequestedOn = on; break;
            case ReasonsSent: p.ReasonsSentOn = on; break;
            case Ended or Withdrawn: p.EndedOn = on; break;
        }
    }

    public override void ApplyStep(CaseFile file, CaseStep step, StepInput input)
    {
        var p = (ProtectionCase)file;
        var text = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim();
        switch (step.EventType)
        {
            case Granted:
                p.Decision = ProtectionDecision.GrantedInFull;
                break;
            case PartlyGranted:
                (p.Decision, p.DecisionReasons) = (ProtectionDecision.GrantedInPart, text);
                break;
            case RefusedEvent or ReasonsSent:
                (p.Decision, p.DecisionReasons) = (ProtectionDecision.Refused, text);
                break;
            case Ended:
                p.EndKind = ProtectionEnd.Ended;
                break;
            case Withdrawn:
                p.EndKind = ProtectionEnd.Withdrawn;
                break;
        }
    }

    public override void CopyLists(CaseFile current, CaseFile edited)
    {
        var (to, from) = ((ProtectionCase)current, (ProtectionCase)edited);
        to.Beneficiaries = [.. from.Beneficiaries.Select(b => new ProtectionBeneficiary { Kind = b.Kind, Name = b.Name })];
        to.Measures = [.. from.Measures.Select(m => new ProtectionMeasure
            { Kind = m.Kind, GrantedOn = m.GrantedOn, Lawyer = m.Lawyer, CeilingCents = m.CeilingCents, Details = m.Details })];
        to.Costs = [.. from.Costs.Select(c => new ProtectionCost { InvoiceNumber = c.InvoiceNumber, PaidOn = c.PaidOn, AmountCents = c.AmountCents, Lawyer = c.Lawyer })];
    }

    /// <summary>Nothing: every move is the office's (or the director's, through the office).</summary>
    public override Waiting? WaitingOn(CaseFile file) => null;

    /// <summary>The day silence becomes an implicit rejection (CRPA L.231-4): 2 months after receipt of the request.</summary>
    public static DateOnly ImplicitRejectionOn(CaseFile file, LegalClock clock) =>
        clock.Setting(DelaySettings.ProtectionImplicitRejection).DueFrom(file.ReceivedOn);

    /// <summary>
    /// Impartiality: when the facts involve the director, another named authority decides. Reasons are asked only of an
    /// implicit rejection (CRPA L.232-4), so after it and before any express decision; they are sent once asked.
    /// </summary>
    public override IEnumerable<string> Guards(CaseFile file, CaseStep step, StepInput input, LegalClock clock)
    {
        var p = (ProtectionCase)file;
        if (Decisions.Contains(step.EventType) || step.EventType == ReasonsSent)
        {
            if (p.DirectorInvolved && string.IsNullOrWhiteSpace(p.DecisionMaker))
                yield return $"Les faits mettent en cause le directeur : indiquez l'« {ProtectionFieldNames.DecisionMaker.ToLowerInvariant()} » " +
                             "qui statue à sa place (impartialité), puis enregistrez la décision.";
        }
        if (step.EventType == ReasonsRequested)
        {
            var rejection = ImplicitRejectionOn(p, clock);
            if (input.On < rejection)
                yield return $"Pas de rejet implicite avant le {rejection:dd/MM/yyyy} (silence de 2 mois après la réception de la demande, " +
                             "CRPA art. L.231-4) : les motifs ne peuvent pas encore être demandés.";
        }
        if (step.EventType == ReasonsSent && Latest(p, p.ReasonsRequestedOn, ReasonsRequested) is null)
            yield return "Enregistrez d'abord la demande des motifs de l'agent (CRPA art. L.232-4) ; sinon, prenez une décision expresse motivée.";
    }

    /// <summary>
    /// CRPA L.231-4: 2 months' silence from receipt of the request is a rejection; met by the express decision (or the reasons
    /// communicated, which confirm the rejection). CRPA L.232-4: the reasons within 1 month of the agent's request for them.
    /// </summary>
    public override IEnumerable<DeadlineDraft> Deadlines(CaseFile file, LegalClock clock)
    {
        var p = (ProtectionCase)file;
        yield return new DeadlineDraft(clock.Setting(DelaySettings.ProtectionImplicitRejection), p.ReceivedOn,
            FirstFrom(p, p.ReceivedOn, p.DecisionOn ?? p.ReasonsSentOn, [.. Decisions, ReasonsSent]))
            { StartLabel = "de la réception de la demande de protection" };
        if (Latest(p, p.ReasonsRequestedOn, ReasonsRequested) is { } asked)
            yield return new DeadlineDraft(clock.Setting(DelaySettings.ProtectionReasons), asked,
                FirstFrom(p, asked, p.ReasonsSentOn ?? p.DecisionOn, [ReasonsSent, .. Decisions]))
                { StartLabel = "de la demande des motifs par l'agent" };
    }
}
