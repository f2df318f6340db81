using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.FunctionalProtection;
using RelationsUsagers.Core.Requisitions;

namespace RelationsUsagers.Core.Letters;

/// <summary>Every letter the office sends; each kind keeps its letters in its own folder.</summary>
public static class LetterCatalog
{
    public static IReadOnlyList<LetterDefinition> All { get; } =
        [.. ComplaintLetters.All, .. ClaimLetters.All, .. AccessRequestLetters.All, .. RequisitionLetters.All, .. ProtectionLetters.All,
         .. CduLetters.All];

    private static readonly Dictionary<string, LetterDefinition> ByCode = All.ToDictionary(l => l.Code);

    public static LetterDefinition? Find(string code) => ByCode.GetValueOrDefault(code);

    public static IEnumerable<LetterDefinition> For(CaseKind kind) => All.Where(l => l.Kind == kind);

    /// <summary>The fields a template of <paramref name="letter"/> may hold: those of its default text and those it asks for.</summary>
    public static IReadOnlySet<string> KnownFields(LetterDefinition letter) =>
        letter.Fields.Select(f => f.Code).Concat(letter.Asked.Select(f => f.Code)).Concat(SharedFields).ToHashSet();

    /// <summary>Fields every letter about a case fills (the letterhead, the recipient, the patient...).</summary>
    private static readonly string[] SharedFields =
    [
        LetterFields.Hospital.Code, LetterFields.Service.Code, LetterFields.ServiceAddress.Code, LetterFields.ServiceEmail.Code,
        LetterFields.ServicePhone.Code, LetterFields.Signatory.Code, LetterFields.SignatoryTitle.Code, LetterFields.Delegation.Code,
        LetterFields.PlaceAndDate.Code, LetterFields.Court.Code, LetterFields.Reference.Code, LetterFields.RecipientName.Code,
        LetterFields.RecipientAddress.Code, LetterFields.SendingMode.Code, LetterFields.Confidential.Code, LetterFields.Salutation.Code,
        LetterFields.SalutationInText.Code, LetterFields.PatientName.Code, LetterFields.ReceivedOn.Code, LetterFields.Summary.Code,
    ];
}
