namespace RelationsUsagers.Core.AccessRequests;

/// <summary>Who may ask, with which proofs, and what blocks the release (CSP L.1110-4 V, L.1111-7, R.1111-1, R.1111-5 to R.1111-7).</summary>
public static class AccessRequestRules
{
    /// <summary>Proofs required for each requester capacity (CSP R.1111-1; the lists are the usual practice).</summary>
    public static IReadOnlyList<ProofKind> RequiredProofs(RequesterCapacity capacity) => capacity switch
    {
        // R.1111-1 al.3: identity checked before any release.
        RequesterCapacity.Patient => [ProofKind.IdentityDocument],
        // R.1111-1: holders of parental authority.
        RequesterCapacity.ParentalAuthority => [ProofKind.IdentityDocument, ProofKind.ParentageProof],
        // L.1111-7 al.2: representation measure.
        RequesterCapacity.LegalRepresentative => [ProofKind.IdentityDocument, ProofKind.ProtectionJudgment],
        // L.1111-7 al.2: assistance measure, only with the protected adult's express consent.
        RequesterCapacity.AssistingPerson => [ProofKind.IdentityDocument, ProofKind.ProtectionJudgment, ProofKind.ProtectedAdultConsent],
        // L.1110-4 V, R.1111-7: heir, cohabitant or civil partner of a deceased patient.
        RequesterCapacity.HeirOrPartner => [ProofKind.IdentityDocument, ProofKind.DeathCertificate, ProofKind.HeirStatusProof],
        // R.1111-1 al.3: the holder checks that the intermediary is a doctor.
        RequesterCapacity.DesignatedDoctor => [ProofKind.DoctorMandate, ProofKind.DoctorIdentity],
        _ => [],
    };

    public static IReadOnlyList<ProofKind> MissingProofs(AccessRequest request) =>
        RequiredProofs(request.RequesterCapacity).Except(request.ProofsReceived).ToList();

    public static bool HasAllProofs(AccessRequest request) => MissingProofs(request).Count == 0;

    /// <summary>French reasons that forbid releasing the record now; empty when it may be released.</summary>
    public static IReadOnlyList<string> ReleaseBlockers(AccessRequest request)
    {
        var blockers = new List<string>();
        var missing = MissingProofs(request);
        if (missing.Count > 0)
            blockers.Add("Pièces manquantes : " + string.Join(", ", missing.Select(p => p.Label())) + ".");
        if (request.RequesterCapacity == RequesterCapacity.HeirOrPartner)
        {
            if (request.DeceasedMotive is null)
                blockers.Add("L'ayant droit doit indiquer le motif de sa demande (art. L.1110-4 V du CSP).");
            if (request.ObjectionBeforeDeath)
                blockers.Add("Le patient s'est opposé de son vivant à la communication : refus motivé (art. R.1111-7 du CSP).");
        }
        if (request.RequesterCapacity == RequesterCapacity.ParentalAuthority && request.MinorObjection)
            blockers.Add("Le mineur s'oppose à la communication aux titulaires de l'autorité parentale (art. R.1111-6 du CSP).");
        if (request.RequesterCapacity == RequesterCapacity.AssistingPerson && !request.ProtectedAdultConsent)
            blockers.Add("Le consentement exprès du majeur protégé est requis (art. L.1111-7 du CSP).");
        return blockers;
    }

    /// <summary>R.1111-1 al.4: information "de plus de cinq ans" gets the 2 months of L.1111-7 al.2.</summary>
    public const int InformationAgeYears = 5;

    /// <summary>
    /// The five-year rule (L.1111-7 al.2, R.1111-1 al.4) as the clock applies it: the officer's reading when there is one
    /// (mixed periods, with a reason), else computed from the creation date of the most recent information asked for, else
    /// not older (no date: the 8 days). <see cref="AccessRequest.InformationOlderThanFiveYears"/> stores the result.
    /// </summary>
    public static InformationAgeReading InformationAge(AccessRequest request)
    {
        var computed = request.MostRecentInformationOn is { } created ? IsOlderThanFiveYears(created, request.ReceivedOn) : (bool?)null;
        return new InformationAgeReading(request.InformationAgeOverride ?? computed ?? false, computed, request.InformationAgeOverride is not null);
    }

    /// <summary>
    /// "More than five years" on the day of receipt: five years after 10/03/2021 is 10/03/2026, so a request received that day
    /// is exactly five years and gets 8 days, one received the next day gets 2 months. Five years after a 29 February end on
    /// 28 February, as a delay counted in years ends on the same day of the month or, without one, on the month's last day
    /// (the rule of C. pr. civ. art. 641; <see cref="DateOnly.AddYears"/> does the same).
    /// </summary>
    public static bool IsOlderThanFiveYears(DateOnly createdOn, DateOnly receivedOn) => receivedOn > createdOn.AddYears(InformationAgeYears);

    /// <summary>
    /// French reasons that refuse a step of the request: "complete" needs every required proof (R.1111-1), sending
    /// needs no blocker (objection, minor's objection, missing consent). Empty when the step may happen.
    /// </summary>
    public static IReadOnlyList<string> StepBlockers(AccessRequest request, bool sending)
    {
        if (!sending)
        {
            var missing = MissingProofs(request);
            return missing.Count == 0 ? [] : ["La demande ne peut pas être complète : pièces manquantes : " + string.Join(", ", missing.Select(p => p.Label())) + "."];
        }
        return ReleaseBlockers(request);
    }
}

/// <summary>
/// The reading of the five-year rule (R.1111-1 al.4): <see cref="OlderThanFiveYears"/> is the one applied;
/// <see cref="Computed"/> the one the dates give (null without a date); <see cref="Overridden"/> when the officer chose it.
/// </summary>
public sealed record InformationAgeReading(bool OlderThanFiveYears, bool? Computed, bool Overridden)
{
    /// <summary>« Plus de cinq ans : délai de 2 mois », as the form shows it beside the date (the delays of L.1111-7 al.2).</summary>
    public static string Text(bool olderThanFiveYears) =>
        olderThanFiveYears ? "Plus de cinq ans\u00A0: délai de 2 mois" : "Cinq ans au plus\u00A0: délai de 8 jours";
}
