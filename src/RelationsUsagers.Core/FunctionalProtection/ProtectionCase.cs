using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.FunctionalProtection;

/// <summary>
/// A staff member's request for protection fonctionnelle (Code général de la fonction publique, L.134-1 to L.134-12): the
/// agent is the person concerned (held in <see cref="CaseFile.Patient"/>, named « Agent »), never a patient.
/// </summary>
public sealed class ProtectionCase : CaseFile
{
    public ProtectionCase() : base(CaseKind.FunctionalProtection) { }

    // The agent (L.134-1: titulaires, stagiaires, contractuels and former agents alike).
    public string? AgentGrade { get; set; }
    public string? AgentService { get; set; }
    public AgentStatus AgentStatus { get; set; } = AgentStatus.Titulaire;

    /// <summary>Which of the law's cases: victim (L.134-5), prosecuted (L.134-4), civil judgment for a service fault (L.134-2, L.134-3).</summary>
    public ProtectionGround Ground { get; set; } = ProtectionGround.VictimOfAttacks;

    // The facts (L.134-5: attacks, violence, harassment, threats, insults, defamation, outrage).
    public FactsType FactsType { get; set; } = FactsType.Violence;
    public DateOnly? FactsOn { get; set; }
    public string? FactsPlace { get; set; }
    public bool AuthorKnown { get; set; }
    public DateOnly? PoliceComplaintOn { get; set; }
    public string? PoliceComplaintNumber { get; set; }

    /// <summary>Who the protection covers: the agent, and in the cases of L.134-7 the spouse, children and ascendants.</summary>
    public List<ProtectionBeneficiary> Beneficiaries { get; set; } = [];

    // The decision: granted in full or in part, or a reasoned refusal; another authority when the director is involved.
    public ProtectionDecision? Decision { get; set; }
    /// <summary>Written by the decision step.</summary>
    public DateOnly? DecisionOn { get; set; }
    public string? DecisionReasons { get; set; }
    /// <summary>The facts involve the authority that should decide (the director): another one rules (impartiality).</summary>
    public bool DirectorInvolved { get; set; }
    public string? DecisionMaker { get; set; }

    /// <summary>The agent asked for the reasons of the implicit rejection (CRPA L.232-4): written by its step.</summary>
    public DateOnly? ReasonsRequestedOn { get; set; }
    public DateOnly? ReasonsSentOn { get; set; }

    /// <summary>The forms of protection granted (décret 2017-97 for the costs of the defence).</summary>
    public List<ProtectionMeasure> Measures { get; set; } = [];
    /// <summary>The invoices paid (lawyer's fees, expert, psychologist...), in euro cents: exact, and SQLite sorts integers.</summary>
    public List<ProtectionCost> Costs { get; set; } = [];

    /// <summary>End of the protection (the proceedings are over) or its withdrawal (a personal fault later shown): written by its step.</summary>
    public DateOnly? EndedOn { get; set; }
    public ProtectionEnd? EndKind { get; set; }

    /// <summary>What the hospital has paid so far, in cents.</summary>
    public long CostsPaidCents => Costs.Sum(c => c.AmountCents ?? 0);
}

public sealed class ProtectionBeneficiary
{
    public BeneficiaryKind Kind { get; set; } = BeneficiaryKind.Agent;
    public string? Name { get; set; }
}

public sealed class ProtectionMeasure
{
    public MeasureKind Kind { get; set; } = MeasureKind.LegalCosts;
    public DateOnly? GrantedOn { get; set; }
    /// <summary>The lawyer chosen by the agent (choice of lawyer, fee agreement).</summary>
    public string? Lawyer { get; set; }
    /// <summary>The ceiling the fee agreement sets (décret 2017-97, art. 5 and 6), in cents.</summary>
    public long? CeilingCents { get; set; }
    public string? Details { get; set; }
}

public sealed class ProtectionCost
{
    public string InvoiceNumber { get; set; } = "";
    public DateOnly? PaidOn { get; set; }
    public long? AmountCents { get; set; }
    public string? Lawyer { get; set; }
}

public enum AgentStatus { Titulaire = 1, Stagiaire = 2, Contractuel = 3, FormerAgent = 4 }

public enum ProtectionGround { VictimOfAttacks = 1, ProsecutedAgent = 2, CivilJudgment = 3 }

public enum FactsType { Violence = 1, Threats = 2, Insults = 3, Harassment = 4, Defamation = 5, Outrage = 6, Other = 7 }

public enum BeneficiaryKind { Agent = 1, Spouse = 2, Child = 3, Ascendant = 4 }

public enum ProtectionDecision { GrantedInFull = 1, GrantedInPart = 2, Refused = 3 }

public enum MeasureKind
{
    LegalCosts = 1, ChoiceOfLawyer = 2, FeeAgreement = 3, PsychologicalSupport = 4, ChangeOfPost = 5, CivilPartyAction = 6,
    Compensation = 7, RecoveryAction = 8,
}

public enum ProtectionEnd { Ended = 1, Withdrawn = 2 }

public static class ProtectionLabels
{
    public static string Label(this AgentStatus status) => status switch
    {
        AgentStatus.Titulaire => "Titulaire",
        AgentStatus.Stagiaire => "Stagiaire",
        AgentStatus.Contractuel => "Contractuel",
        AgentStatus.FormerAgent => "Ancien agent",
        _ => status.ToString(),
    };

    public static string Label(this ProtectionGround ground) => ground switch
    {
        ProtectionGround.VictimOfAttacks => "Agent victime d'atteintes (art. L.134-5)",
        ProtectionGround.ProsecutedAgent => "Agent poursuivi pénalement (art. L.134-4)",
        ProtectionGround.CivilJudgment => "Condamnation civile pour faute de service (art. L.134-2, L.134-3)",
        _ => ground.ToString(),
    };

    public static string Label(this FactsType type) => type switch
    {
        FactsType.Violence => "Violences",
        FactsType.Threats => "Menaces",
        FactsType.Insults => "Injures",
        FactsType.Harassment => "Harcèlement",
        FactsType.Defamation => "Diffamation",
        FactsType.Outrage => "Outrage",
        FactsType.Other => "Autre",
        _ => type.ToString(),
    };

    public static string Label(this BeneficiaryKind kind) => kind switch
    {
        BeneficiaryKind.Agent => "Agent",
        BeneficiaryKind.Spouse => "Conjoint, partenaire de PACS ou concubin",
        BeneficiaryKind.Child => "Enfant",
        BeneficiaryKind.Ascendant => "Ascendant",
        _ => kind.ToString(),
    };

    public static string Label(this ProtectionDecision decision) => decision switch
    {
        ProtectionDecision.GrantedInFull => "Accord total",
        ProtectionDecision.GrantedInPart => "Accord partiel",
        ProtectionDecision.Refused => "Refus motivé",
        _ => decision.ToString(),
    };

    public static string Label(this MeasureKind kind) => kind switch
    {
        MeasureKind.LegalCosts => "Prise en charge des frais de procédure",
        MeasureKind.ChoiceOfLawyer => "Libre choix de l'avocat",
        MeasureKind.FeeAgreement => "Convention d'honoraires (plafonds, décret 2017-97)",
        MeasureKind.PsychologicalSupport => "Soutien psychologique",
        MeasureKind.ChangeOfPost => "Changement d'affectation",
        MeasureKind.CivilPartyAction => "Constitution de partie civile de l'établissement",
        MeasureKind.Compensation => "Réparation du préjudice",
        MeasureKind.RecoveryAction => "Action récursoire contre l'auteur",
        _ => kind.ToString(),
    };

    public static string Label(this ProtectionEnd end) => end switch
    {
        ProtectionEnd.Ended => "Fin de la protection",
        ProtectionEnd.Withdrawn => "Retrait (faute personnelle établie)",
        _ => end.ToString(),
    };
}

/// <summary>The lists live in JSON columns of the case's row (as a requisition's items): no extra table, no Include.</summary>
internal sealed class ProtectionCaseConfiguration : IEntityTypeConfiguration<ProtectionCase>
{
    public void Configure(EntityTypeBuilder<ProtectionCase> b)
    {
        b.ComplexCollection(p => p.Beneficiaries, c => c.ToJson());
        b.ComplexCollection(p => p.Measures, c => c.ToJson());
        b.ComplexCollection(p => p.Costs, c => c.ToJson());
        b.Ignore(p => p.CostsPaidCents);
    }
}
