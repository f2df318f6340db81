using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Requisitions;

/// <summary>A requisition from police, gendarmerie or justice (CPP 56-3, 60-1, 77-1-1, 99-3).</summary>
public sealed class Requisition : CaseFile
{
    public Requisition() : base(CaseKind.Requisition) { }

    public RequisitionAuthority Authority { get; set; } = RequisitionAuthority.Police;
    public RequisitionLegalBasis LegalBasis { get; set; } = RequisitionLegalBasis.Flagrance60_1;
    public string? OfficerName { get; set; }
    public string? OfficerUnit { get; set; }
    public string? OfficerContact { get; set; }
    public string? MagistrateName { get; set; }
    public string? Jurisdiction { get; set; }
    public string? ProcedureNumber { get; set; }
    /// <summary>The date the authority set; no legal fixed delay.</summary>
    public DateOnly? DueOn { get; set; }
    /// <summary>The authority's first date, kept when it grants more time (the new date is <see cref="DueOn"/>).</summary>
    public DateOnly? InitialDueOn { get; set; }
    public List<RequisitionItem> Items { get; set; } = [];

    public string? SecrecyReviewBy { get; set; }
    public DateOnly? SecrecyReviewOn { get; set; }
    public RequisitionResponse? Response { get; set; }
    public DateOnly? ResponseSentOn { get; set; }

    /// <summary>
    /// The seizure under CPP 56-3, organised here: by a magistrate (or an OPJ under commission rogatoire), in the presence of
    /// the Ordre des médecins' representative and of the head of department; documents under seal, a copy kept for continuity
    /// of care, the minutes (PV) received. <see cref="SeizureOn"/> is written by the step « Saisie effectuée », which is
    /// refused until the record is complete (<see cref="RequisitionSeizure.Missing"/>).
    /// </summary>
    public DateOnly? SeizureOn { get; set; }
    public DateOnly? SeizurePlannedOn { get; set; }
    public string? SeizurePlace { get; set; }
    public string? SeizureMagistrate { get; set; }
    public string? SeizureJurisdiction { get; set; }
    /// <summary>The officer of judicial police (OPJ) present at the seizure.</summary>
    public string? SeizureOfficer { get; set; }
    public string? OrdreRepresentative { get; set; }
    /// <summary>The head of department or holder of the records, present (CPP 56-3).</summary>
    public string? HeadOfDepartmentPresent { get; set; }
    /// <summary>The services told of the seizure beforehand: who, when.</summary>
    public List<SeizureNotice> ServicesTold { get; set; } = [];
    public string? SeizedItems { get; set; }
    public string? SealNumbers { get; set; }
    public bool? SeizureCopyKept { get; set; }
    public bool? SeizureMinutesReceived { get; set; }
}

/// <summary>A service told of a coming seizure: which one, whom, when.</summary>
public sealed class SeizureNotice
{
    public string Service { get; set; } = "";
    public string? Person { get; set; }
    public DateOnly? ToldOn { get; set; }
}

/// <summary>One thing the authority asks for, classified because medical items need a seizure or consent.</summary>
public sealed class RequisitionItem
{
    public string Description { get; set; } = "";
    public RequisitionItemNature Nature { get; set; } = RequisitionItemNature.Administrative;
    /// <summary>For a medical item, what the secrecy review decided (CPP 60-1 al.2, 56-3; CSP L.1110-4); null until reviewed.</summary>
    public SecrecyDecision? Secrecy { get; set; }
    /// <summary>The named reviewer of a medical item (doctor of the DIM, jurist), the date and the reason of the decision.</summary>
    public string? ReviewedBy { get; set; }
    public DateOnly? ReviewedOn { get; set; }
    public string? SecrecyReason { get; set; }
    public bool Sent { get; set; }
}

/// <summary>The fate of a medical item after the secrecy review.</summary>
public enum SecrecyDecision
{
    /// <summary>Handed over with the patient's written consent.</summary>
    ConsentGiven = 1,
    /// <summary>Withheld: covered by medical secrecy (CSP L.1110-4; C. pén. 226-13).</summary>
    Withheld = 2,
    /// <summary>Handed over only through a seizure under CPP 56-3.</summary>
    SeizureRequired = 3,
}

public enum RequisitionAuthority { Police = 1, Gendarmerie = 2, Prosecutor = 3, InvestigatingJudge = 4, Court = 5, Other = 6 }

public enum RequisitionLegalBasis { Flagrance60_1 = 1, Preliminary77_1_1 = 2, Instruction99_3 = 3, Examination60_77_1 = 4, Other = 5 }

public enum RequisitionItemNature { Administrative = 1, Medical = 2 }

public enum RequisitionResponse { Sent = 1, PartlySentAdministrative = 2, RefusedMedicalSecrecy = 3, SeizureOrganised = 4 }

public static class RequisitionLabels
{
    public static string Label(this RequisitionAuthority authority) => authority switch
    {
        RequisitionAuthority.Police => "Police nationale",
        RequisitionAuthority.Gendarmerie => "Gendarmerie",
        RequisitionAuthority.Prosecutor => "Parquet",
        RequisitionAuthority.InvestigatingJudge => "Juge d'instruction",
        RequisitionAuthority.Court => "Tribunal",
        RequisitionAuthority.Other => "Autre",
        _ => authority.ToString(),
    };

    public static string Label(this RequisitionLegalBasis basis) => basis switch
    {
        RequisitionLegalBasis.Flagrance60_1 => "Art. 60-1 CPP (flagrance)",
        RequisitionLegalBasis.Preliminary77_1_1 => "Art. 77-1-1 CPP (enquête préliminaire)",
        RequisitionLegalBasis.Instruction99_3 => "Art. 99-3 CPP (instruction)",
        RequisitionLegalBasis.Examination60_77_1 => "Art. 60 / 77-1 CPP (examens techniques)",
        RequisitionLegalBasis.Other => "Autre",
        _ => basis.ToString(),
    };

    public static string Label(this RequisitionItemNature nature) => nature switch
    {
        RequisitionItemNature.Administrative => "Administratif",
        RequisitionItemNature.Medical => "Médical (saisie requise)",
        _ => nature.ToString(),
    };

    public static string Label(this SecrecyDecision decision) => decision switch
    {
        SecrecyDecision.ConsentGiven => "Transmis avec le consentement écrit du patient",
        SecrecyDecision.Withheld => "Refusé : secret médical",
        SecrecyDecision.SeizureRequired => "Remis uniquement sur saisie (art. 56-3 CPP)",
        _ => decision.ToString(),
    };

    public static string Label(this RequisitionResponse response) => response switch
    {
        RequisitionResponse.Sent => "Transmis",
        RequisitionResponse.PartlySentAdministrative => "Transmis partiellement (données administratives)",
        RequisitionResponse.RefusedMedicalSecrecy => "Refus : secret médical",
        RequisitionResponse.SeizureOrganised => "Saisie organisée",
        _ => response.ToString(),
    };
}
