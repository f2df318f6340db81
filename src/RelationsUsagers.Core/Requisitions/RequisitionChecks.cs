using static RelationsUsagers.Core.Requisitions.RequisitionFieldNames;

namespace RelationsUsagers.Core.Requisitions;

/// <summary>
/// What must be on file before a requisition is answered or its seizure recorded, in French, each missing piece named:
/// every medical item's secrecy decision, by a named reviewer, dated and reasoned (CPP 60-1 al.2, 56-3; CSP L.1110-4), and
/// the seizure record of CPP 56-3.
/// </summary>
public static class RequisitionChecks
{
    public static bool IsMedical(RequisitionItem item) => item.Nature == RequisitionItemNature.Medical;

    /// <summary>The medical items no one has decided on yet.</summary>
    public static IReadOnlyList<RequisitionItem> Undecided(Requisition r) => [.. r.Items.Where(i => IsMedical(i) && i.Secrecy is null)];

    /// <summary>« « Radiographies » (décision prise par, motif de la décision) » for each decided medical item missing a piece.</summary>
    public static IReadOnlyList<string> IncompleteDecisions(Requisition r) =>
    [
        .. r.Items.Where(i => IsMedical(i) && i.Secrecy is not null)
            .Select(i => (Item: i, Missing: new[]
            {
                string.IsNullOrWhiteSpace(i.ReviewedBy) ? ItemReviewedBy : null,
                i.ReviewedOn is null ? ItemReviewedOn : null,
                string.IsNullOrWhiteSpace(i.SecrecyReason) ? ItemSecrecyReason : null,
            }.OfType<string>().ToList()))
            .Where(x => x.Missing.Count > 0)
            .Select(x => $"« {x.Item.Description} » ({string.Join(", ", x.Missing.Select(m => m.ToLowerInvariant()))})"),
    ];

    /// <summary>The refusals of an answer while the secrecy review is not done item by item; empty when it is.</summary>
    public static IEnumerable<string> SecrecyReviewProblems(Requisition r)
    {
        var undecided = Undecided(r);
        if (undecided.Count > 0)
            yield return "Décision sur le secret médical manquante pour : " + string.Join(", ", undecided.Select(i => $"« {i.Description} »")) +
                         " (art. 60-1 et 56-3 CPP ; art. L.1110-4 CSP). Indiquez pour chaque élément médical s'il est transmis avec le " +
                         "consentement du patient, refusé ou remis sur saisie.";
        var incomplete = IncompleteDecisions(r);
        if (incomplete.Count > 0)
            yield return "Examen du secret médical incomplet pour : " + string.Join(", ", incomplete) +
                         ". Chaque décision sur un élément médical porte le nom de son auteur, sa date et son motif (art. L.1110-4 CSP).";
    }

    /// <summary>
    /// The pieces the seizure record lacks (CPP 56-3): place, magistrate and jurisdiction, OPJ, the Ordre's representative,
    /// the head of department present, the services told (who, when), the items seized, the seals, whether a copy was kept
    /// and whether the minutes were received. Each named as the form names it.
    /// </summary>
    public static IReadOnlyList<string> MissingFromSeizure(Requisition r)
    {
        var missing = new List<string>();
        void Need(string? value, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
                missing.Add($"« {name} »");
        }
        Need(r.SeizurePlace, SeizurePlace);
        Need(r.SeizureMagistrate, SeizureMagistrate);
        Need(r.SeizureJurisdiction, SeizureJurisdiction);
        Need(r.SeizureOfficer, SeizureOfficer);
        Need(r.OrdreRepresentative, OrdreRepresentative);
        Need(r.HeadOfDepartmentPresent, HeadOfDepartmentPresent);
        var told = r.ServicesTold.Where(s => !string.IsNullOrWhiteSpace(s.Service)).ToList();
        if (told.Count == 0)
            missing.Add($"« {ServicesTold} » (au moins un service, la personne prévenue et la date)");
        foreach (var notice in told)
        {
            var lacks = new[]
            {
                string.IsNullOrWhiteSpace(notice.Person) ? ServiceToldPerson : null,
                notice.ToldOn is null ? ServiceToldOn : null,
            }.OfType<string>().ToList();
            if (lacks.Count > 0)
                missing.Add($"« {string.Join(" » et « ", lacks)} » pour le service « {notice.Service.Trim()} »");
        }
        Need(r.SeizedItems, SeizedItems);
        Need(r.SealNumbers, SealNumbers);
        if (r.SeizureCopyKept is null)
            missing.Add($"« {SeizureCopyKept} » (oui ou non)");
        if (r.SeizureMinutesReceived is null)
            missing.Add($"« {SeizureMinutesReceived} » (oui ou non)");
        return missing;
    }

    /// <summary>The refusal of « Saisie effectuée » while the record is incomplete; null when complete.</summary>
    public static string? SeizureProblem(Requisition r) => MissingFromSeizure(r) is { Count: > 0 } missing
        ? "La saisie ne peut pas être enregistrée comme effectuée (art. 56-3 CPP) : la fiche de saisie est incomplète. Manque : " +
          string.Join(", ", missing) + "."
        : null;
}
