namespace RelationsUsagers.Core.Security;

/// <summary>One line of the append-only audit trail: who read or changed which case, when, what.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string UserName { get; set; } = "";
    public Guid? CaseFileId { get; set; }
    public string? CaseReference { get; set; }
    public string Action { get; set; } = "";
    /// <summary>What changed, as "Property: old → new" lines; patient data stays in the database, never in logs.</summary>
    public string? Details { get; set; }
    /// <summary>
    /// SHA-256 (hex) of the previous row's hash and this row's content: the link of <see cref="AuditChain"/>. Null only on a
    /// row written outside the portal.
    /// </summary>
    public string? Hash { get; set; }
}

public static class AuditActions
{
    public const string Created = "Création";
    public const string Updated = "Modification";
    public const string Opened = "Consultation";
    /// <summary>Shown to an officer typing a new case for the same person (<see cref="Cases.PersonCasesService"/>).</summary>
    public const string PersonLookup = "Recherche de la personne";
    public const string StatusChanged = "Changement de statut";
    /// <summary>A step of the case (its event, its status): "Envoyer la réponse le 12/03/2026 : En instruction → Réponse envoyée".</summary>
    public const string StepTaken = "Étape";
    public const string EventAdded = "Événement ajouté";
    public const string EventCorrected = "Événement corrigé";
    public const string EventCancelled = "Événement annulé";
    public const string Reopened = "Réouverture";
    public const string DocumentWithdrawn = "Document retiré";
    public const string DocumentAdded = "Document ajouté";
    public const string DocumentDownloaded = "Document téléchargé";
    public const string Exported = "Export";
    public const string Deleted = "Suppression";
    /// <summary>A letter written from the case and filed in its documents.</summary>
    public const string LetterGenerated = "Courrier généré";
    /// <summary>A letter template uploaded or restored, the establishment's letterhead changed: lines without a case.</summary>
    public const string LetterTemplateChanged = "Modèle de courrier";
    public const string EstablishmentChanged = "Établissement modifié";
    /// <summary>The office's table of service aliases changed (« Imagerie » → « Imagerie médicale »).</summary>
    public const string ServiceAliasChanged = "Alias de service";
    /// <summary>A delay's warning window changed in the référentiel des délais: a line without a case.</summary>
    public const string DelaySettingChanged = "Référentiel des délais modifié";
    public const string ClockSuspended = "Délai suspendu";
    public const string ClockResumed = "Délai repris";
    /// <summary>A mediation meeting booked, moved, cancelled; its minutes from draft to their sending.</summary>
    public const string MediationAppointment = "Rencontre de médiation";
    public const string MediationMinutes = "Compte rendu de médiation";
    /// <summary>The quick log of users' expressions (praise, desk visits...), and one turned into a complaint.</summary>
    public const string ExpressionLogged = "Expression enregistrée";
    public const string ExpressionConverted = "Expression convertie en réclamation";
    /// <summary>The liability-insurance ledger: a policy, a premium call, a claim's entry recorded; one corrected or cancelled, with its reason.</summary>
    public const string InsuranceLedger = "Assurance responsabilité";
    public const string InsuranceLedgerCorrected = "Assurance responsabilité\u00A0: correction";

    // Reads of many cases at once and of the trail itself (AuditReads keeps a page's repeated reads to one line).
    /// <summary>The queue searched by name, IPP or reference: the filter and the references listed, never the text typed.</summary>
    public const string QueueSearched = "Recherche dans la file";
    /// <summary>The same search counted in the closed cases (the queue shows the count alone when no open case matches).</summary>
    public const string ClosedCasesCounted = "Recherche dans les dossiers clos";
    /// <summary>A case's journal (on the case) or the whole audit journal (no case, the filter in the details).</summary>
    public const string JournalRead = "Consultation du journal";

    /// <summary>A CDU meeting's agenda changed or published: "Séance du 12/03/2026 : point 3 (Réclamation à examiner) ajouté".</summary>
    public const string AgendaChanged = "Ordre du jour";

    // Account administration: lines without a case, the account named in the details.
    public const string AccountCreated = "Compte créé";
    public const string RolesChanged = "Rôles modifiés";
    public const string AccountDisabled = "Compte désactivé";
    public const string AccountEnabled = "Compte réactivé";
    public const string PasswordReset = "Mot de passe réinitialisé";
    /// <summary>The person chose their own password after a reset or a new account.</summary>
    public const string PasswordChanged = "Mot de passe changé";

    // The database as a whole (command line): lines without a case, the file named in the details.
    /// <summary>A copy of the whole database written by <c>backup</c>, with the check of the copy.</summary>
    public const string DatabaseBackedUp = "Sauvegarde de la base";
    /// <summary>The database replaced by a backup (<c>restore</c>): written on the restored database.</summary>
    public const string DatabaseRestored = "Restauration de la base";

    /// <summary>Every action, in the order the journal page offers them as a filter.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Created, Opened, Updated, StatusChanged, StepTaken, EventAdded, EventCorrected, EventCancelled, Reopened,
        DocumentAdded, DocumentDownloaded, DocumentWithdrawn, LetterGenerated, PersonLookup, QueueSearched, ClosedCasesCounted,
        ClockSuspended, ClockResumed, MediationAppointment, MediationMinutes, ExpressionLogged, ExpressionConverted,
        InsuranceLedger, InsuranceLedgerCorrected,
        Exported, JournalRead, AgendaChanged, LetterTemplateChanged, EstablishmentChanged, ServiceAliasChanged, DelaySettingChanged, Deleted, AccountCreated, RolesChanged, AccountDisabled, AccountEnabled, PasswordReset,
        PasswordChanged, DatabaseBackedUp, DatabaseRestored,
    ];
}
