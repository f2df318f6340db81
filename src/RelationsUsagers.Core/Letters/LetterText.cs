using System.Text.RegularExpressions;
using RelationsUsagers.Core.Cases;
using static RelationsUsagers.Core.Cases.TypedText;

namespace RelationsUsagers.Core.Letters;

/// <summary>The parts every default letter shares, and the <c>{field-code}</c> markers of the default texts.</summary>
public static partial class LetterText
{
    /// <summary>Sender block, recipient block, date, reference, sending mode, confidentiality (one paragraph per line).</summary>
    public const string Letterhead = "{hospital}\n{service}\n{service-address}\nTél. : {service-phone} – Courriel : {service-email}\n" +
                                     "{recipient-name}\n{recipient-address}\n{place-and-date}\nRéf. : {reference}\n{sending-mode}\n{confidential}";

    public const string Closing = "{delegation}\n{signatory}\n{signatory-title}";

    public const string Courtesy = "Je vous prie d'agréer, {salutation-plain}, l'expression de mes salutations distinguées.";

    /// <summary>The field codes a text names, in order, once each.</summary>
    public static IEnumerable<string> Markers(IEnumerable<string> texts) =>
        texts.SelectMany(t => MarkerPattern().Matches(t).Select(m => m.Groups[1].Value)).Distinct();

    /// <summary>Splits a text into literal parts and field codes: ("Objet : ", null), (null, "reference")...</summary>
    public static IEnumerable<(string? Text, string? Field)> Parts(string text)
    {
        var at = 0;
        foreach (Match m in MarkerPattern().Matches(text))
        {
            if (m.Index > at)
                yield return (text[at..m.Index], null);
            yield return (null, m.Groups[1].Value);
            at = m.Index + m.Length;
        }
        if (at < text.Length)
            yield return (text[at..], null);
    }

    [GeneratedRegex(@"\{([a-z0-9-]+)\}")]
    private static partial Regex MarkerPattern();
}

/// <summary>The values every letter about a case shares: letterhead, recipient, reference, date, sending mode.</summary>
public static class LetterValues
{
    /// <summary>Shared fields that may be empty (a letter without « pli confidentiel », a director signing himself).</summary>
    public static readonly IReadOnlySet<string> AlwaysOptional = new HashSet<string>
    {
        LetterFields.Confidential.Code, LetterFields.Delegation.Code, LetterFields.RecipientAddress.Code, LetterFields.SendingMode.Code,
        // A case always has one; the CDU convocation has none.
        LetterFields.Reference.Code,
    };

    public static IEnumerable<(LetterField Field, string? Value)> Common(LetterDefinition letter, LetterContext context)
    {
        var e = context.Establishment;
        yield return (LetterFields.Hospital, NullIfBlank(e.HospitalName));
        yield return (LetterFields.Service, NullIfBlank(e.ServiceName));
        yield return (LetterFields.ServiceAddress, NullIfBlank(e.Address));
        yield return (LetterFields.ServicePhone, NullIfBlank(e.Phone));
        yield return (LetterFields.ServiceEmail, NullIfBlank(e.Email));
        yield return (LetterFields.Signatory, NullIfBlank(e.SignatoryName));
        yield return (LetterFields.SignatoryTitle, NullIfBlank(e.SignatoryTitle));
        yield return (LetterFields.Delegation, NullIfBlank(e.Delegation));
        yield return (LetterFields.Court, NullIfBlank(e.AdministrativeCourt));
        yield return (LetterFields.PlaceAndDate, string.IsNullOrWhiteSpace(e.City) ? null : $"{e.City.Trim()}, le {LetterFields.LongDate(context.Today)}");
        yield return (LetterFields.RecipientName, NullIfBlank(context.Recipient.Name));
        yield return (LetterFields.RecipientAddress, NullIfBlank(context.Recipient.Address));
        yield return (LetterFields.SendingMode, context.AskedValue(LetterFields.SendingMode));
        yield return (LetterFields.Confidential, letter.Confidential ? "PLI CONFIDENTIEL – à ouvrir par le destinataire seul" : null);
        var salutation = Salutation(context.Recipient);
        yield return (LetterFields.Salutation, salutation + ",");
        yield return (LetterFields.SalutationInText, salutation);
        if (context.Case is { } file)
        {
            yield return (LetterFields.Reference, file.Reference);
            yield return (LetterFields.PatientName, file.Patient.FullName);
            yield return (LetterFields.ReceivedOn, LetterFields.LongDate(file.ReceivedOn));
            yield return (LetterFields.Summary, NullIfBlank(file.Summary));
        }
    }

    /// <summary>« Maître » for a lawyer, « Docteur » for a doctor, else « Madame, Monsieur ».</summary>
    public static string Salutation(LetterRecipient recipient) => recipient.Name.TrimStart() switch
    {
        var n when n.StartsWith("Maître", StringComparison.OrdinalIgnoreCase) || recipient.Capacity.Contains("avocat", StringComparison.OrdinalIgnoreCase) => "Maître",
        var n when n.StartsWith("Dr ", StringComparison.OrdinalIgnoreCase) || n.StartsWith("Docteur", StringComparison.OrdinalIgnoreCase)
                   || recipient.Capacity.Contains("médecin", StringComparison.OrdinalIgnoreCase) => "Docteur",
        _ => "Madame, Monsieur",
    };

    /// <summary>The requester, as the case names him; the letters about a case go to him unless another recipient is chosen.</summary>
    public static LetterRecipient Requester(CaseFile file, bool entitled = true) =>
        new("requester", file.Requester.Capacity ?? "demandeur", file.Requester.Name, file.Requester.Address, entitled);
}
