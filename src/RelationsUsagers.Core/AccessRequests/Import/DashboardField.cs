using System.Text;
using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.AccessRequests.Import;

/// <summary>What a column of a hand-kept access dashboard holds (usual columns of the office's tracking spreadsheet; CSP R.1112-80 II 1° c).</summary>
public enum DashboardField
{
    /// <summary>Recognised but not imported: order number, or a value the portal recomputes (delay, "délai respecté", due date).</summary>
    Ignored = 0,
    ReceivedOn = 1,
    /// <summary>Last name, or "NOM Prénom" when the file has no first-name column.</summary>
    PatientName = 2,
    PatientFirstName = 3,
    BirthDate = 4,
    PatientNumber = 5,
    RequesterName = 6,
    RequesterCapacity = 7,
    Services = 8,
    Channel = 9,
    CompletedOn = 10,
    OlderThanFiveYears = 11,
    /// <summary>"8 jours" / "2 mois": tells the age class when there is no "+ de 5 ans" column.</summary>
    LegalDelay = 12,
    CommunicationMode = 13,
    SentOn = 14,
    RecordedDeliveryNumber = 15,
    AcknowledgedOn = 16,
    Fees = 17,
    PaidOn = 18,
    PageCount = 19,
    Remarks = 20,
}

public static class DashboardFields
{
    public static string Label(this DashboardField field) => field switch
    {
        DashboardField.Ignored => "Ignorée",
        DashboardField.ReceivedOn => "Date de réception",
        DashboardField.PatientName => "Nom du patient",
        DashboardField.PatientFirstName => "Prénom du patient",
        DashboardField.BirthDate => "Date de naissance",
        DashboardField.PatientNumber => "IPP",
        DashboardField.RequesterName => "Demandeur",
        DashboardField.RequesterCapacity => "Qualité du demandeur",
        DashboardField.Services => "Service(s)",
        DashboardField.Channel => "Mode de réception",
        DashboardField.CompletedOn => "Date de complétude",
        DashboardField.OlderThanFiveYears => "+ de 5 ans",
        DashboardField.LegalDelay => "Délai légal",
        DashboardField.CommunicationMode => "Mode de communication",
        DashboardField.SentOn => "Date d'envoi",
        DashboardField.RecordedDeliveryNumber => "N° LRAR",
        DashboardField.AcknowledgedOn => "Date de l'AR",
        DashboardField.Fees => "Frais",
        DashboardField.PaidOn => "Date de paiement",
        DashboardField.PageCount => "Nombre de pages",
        DashboardField.Remarks => "Observations",
        _ => field.ToString(),
    };

    // Declared first: static initialisers run in order, and the label index below needs it.
    private static readonly HashSet<string> StopWords = ["de", "du", "des", "d", "l", "la", "le", "les", "a", "au", "aux", "en"];

    /// <summary>The columns without which no line can be imported.</summary>
    public static IReadOnlyList<DashboardField> Required { get; } = [DashboardField.ReceivedOn, DashboardField.PatientName];

    /// <summary>Usual labels of each column, as offices write them; compared after <see cref="NormalizeHeader"/>.</summary>
    public static IReadOnlyDictionary<DashboardField, string[]> Synonyms { get; } = new Dictionary<DashboardField, string[]>
    {
        [DashboardField.ReceivedOn] = ["Date de réception", "Reçu le", "Reçue le", "Date réception", "Réception", "Date de la demande",
            "Date demande", "Date d'arrivée", "Arrivé le", "Date de réception (cachet)"],
        [DashboardField.PatientName] = ["Nom du patient", "Patient", "Nom patient", "Nom", "Nom de naissance", "Patient concerné",
            "Nom prénom", "Nom et prénom", "Nom du patient et prénom"],
        [DashboardField.PatientFirstName] = ["Prénom", "Prénom du patient", "Prénom patient"],
        [DashboardField.BirthDate] = ["Date de naissance", "DDN", "Né(e) le", "Né le", "Née le", "Naissance", "Date naissance"],
        [DashboardField.PatientNumber] = ["IPP", "N° IPP", "N° patient", "Numéro patient", "IPP / n° de séjour"],
        [DashboardField.RequesterName] = ["Demandeur", "Nom du demandeur", "Demandeur (nom)", "Nom demandeur"],
        [DashboardField.RequesterCapacity] = ["Qualité du demandeur", "Qualité", "Qualité demandeur", "Lien avec le patient", "Lien"],
        [DashboardField.Services] = ["Service(s)", "Service", "Services", "Service concerné", "Services concernés", "Pôle / service",
            "Service(s) / période concernée"],
        [DashboardField.Channel] = ["Mode de réception", "Canal", "Canal de réception", "Réception par"],
        [DashboardField.CompletedOn] = ["Date de complétude", "Dossier complet le", "Pièces complètes le", "Date complétude",
            "Complet le", "Date dossier complet", "Complétude"],
        [DashboardField.OlderThanFiveYears] = ["+ de 5 ans", "> 5 ans", "Dossier + 5 ans", "Dossier > 5 ans", "Plus de 5 ans",
            "Ancienneté", "Ancienneté du dossier", "Dossier de plus de 5 ans", "+5 ans",
            AccessRequestFieldNames.InformationOlderThanFiveYears],
        [DashboardField.LegalDelay] = ["Délai légal", "Délai applicable", "Délai réglementaire"],
        [DashboardField.CommunicationMode] = ["Mode de communication", "Mode", "Mode d'envoi", "Modalité", "Modalité de communication",
            "Mode de transmission"],
        [DashboardField.SentOn] = ["Date d'envoi", "Envoyé le", "Date envoi", "Envoi le", "Date de communication", "Communiqué le",
            "Date d'envoi / de consultation", "Date de consultation"],
        [DashboardField.RecordedDeliveryNumber] = ["N° LRAR", "N° recommandé", "Numéro LRAR", "N° de recommandé", "LRAR",
            "Numéro de recommandé", "N° RAR"],
        [DashboardField.AcknowledgedOn] = ["Date de l'AR", "Date AR", "AR reçu le", "Accusé de réception", "Date de l'accusé de réception"],
        [DashboardField.Fees] = ["Frais", "Frais (€)", "Montant", "Montant des frais", "Coût", "Montant facturé"],
        [DashboardField.PaidOn] = ["Date de paiement", "Payé le", "Paiement le"],
        [DashboardField.PageCount] = ["Nombre de pages", "Nb pages", "Nb de pages", "Pages"],
        [DashboardField.Remarks] = ["Observations", "Observation", "Remarques", "Remarque", "Commentaires", "Commentaire", "Obs"],
        [DashboardField.Ignored] = ["N°", "N° d'ordre", "Numéro", "No", "Délai (j)", "Délai", "Délai effectif", "Délai effectif (jours)",
            "Délai respecté", "Respect du délai", "Délai respecté O/N", "Date d'échéance", "Échéance",
            "Échéance légale (depuis la réception)", "Délai compté depuis", "Envoi avant 48 h", "Statut", "Référence"],
    };

    private static readonly Dictionary<string, DashboardField> ByLabel = Synonyms
        .SelectMany(s => s.Value.Select(label => (Key: NormalizeHeader(label), Field: s.Key)))
        .DistinctBy(s => s.Key)
        .ToDictionary(s => s.Key, s => s.Field);

    /// <summary>The field of a header, by its usual labels; then a label of two words or more that begins it. Null if unknown.</summary>
    public static DashboardField? Match(string? header)
    {
        var key = NormalizeHeader(header);
        if (key.Length == 0)
            return null;
        if (ByLabel.TryGetValue(key, out var field))
            return field;
        // "Date d'envoi / de consultation (LRAR)" begins with "date envoi"; one-word labels ("nom") are too vague for this.
        return ByLabel.Where(p => p.Key.Contains(' ', StringComparison.Ordinal) && key.StartsWith(p.Key + " ", StringComparison.Ordinal))
            .OrderByDescending(p => p.Key.Length).Select(p => (DashboardField?)p.Value).FirstOrDefault();
    }

    /// <summary>Lower case, no accents, no parentheses, no small words: "Né(e) le" → "ne", "Date d'envoi" → "date envoi".</summary>
    public static string NormalizeHeader(string? header)
    {
        var text = TextSearch.Normalize(header);
        var sb = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var ch in text)
        {
            if (ch == '(') depth++;
            else if (ch == ')') depth = Math.Max(0, depth - 1);
            else if (depth == 0) sb.Append(char.IsLetterOrDigit(ch) || ch is '+' or '>' or '<' ? ch : ' ');
        }
        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !StopWords.Contains(w)));
    }
}
