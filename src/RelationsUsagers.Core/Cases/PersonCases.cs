using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;

namespace RelationsUsagers.Core.Cases;

/// <summary>How surely an existing case is about the person being typed, strongest first.</summary>
public enum PersonMatch
{
    /// <summary>The same IPP, the hospital's own patient number.</summary>
    PatientNumber = 1,
    /// <summary>The same name and the same birth date.</summary>
    NameAndBirthDate = 2,
    /// <summary>The same name, a birth date unknown on one side: perhaps a namesake.</summary>
    NameOnly = 3,
}

public static class PersonMatchLabels
{
    public static string Label(this PersonMatch match) => match switch
    {
        PersonMatch.PatientNumber => "même IPP",
        PersonMatch.NameAndBirthDate => "même nom et même date de naissance",
        PersonMatch.NameOnly => "même nom seulement",
        _ => match.ToString(),
    };
}

/// <summary>An existing case of the person, of any kind and status.</summary>
public sealed record PersonCase(Guid Id, string Reference, CaseKind Kind, CaseStatus Status, DateOnly ReceivedOn, PersonMatch Match)
{
    /// <summary>The same kind received within 30 days either side: most likely the same request recorded twice.</summary>
    public bool IsPossibleDuplicateOf(CaseKind kind, DateOnly receivedOn) =>
        Kind == kind && Math.Abs(ReceivedOn.DayNumber - receivedOn.DayNumber) <= 30;
}

/// <summary>
/// The cases a person already has, whatever their kind and status, looked up while a new case is typed so that the
/// officer sees them before saving. Each case returned is an audited read: it tells who has had dealings with the office.
/// </summary>
public sealed class PersonCasesService(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>At most this many cases, the surest and most recent first.</summary>
    public const int Limit = 20;

    /// <summary>
    /// The IPP when given; otherwise, and also for cases recorded without an IPP, the name (case and accents ignored)
    /// with the birth date when both sides know it, else the name alone (<see cref="PersonMatch.NameOnly"/>). A case
    /// under another IPP, or another birth date, is another person.
    /// </summary>
    public async Task<IReadOnlyList<PersonCase>> FindAsync(Patient person, CancellationToken ct = default)
    {
        var number = string.IsNullOrWhiteSpace(person.PatientNumber) ? null : person.PatientNumber.Trim();
        var name = string.IsNullOrWhiteSpace(person.LastName) ? null : TextSearch.Normalize($"{person.LastName} {person.FirstName}");
        var birthDate = person.BirthDate;
        if (number is null && name is null)
            return [];

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.CaseFiles.AsNoTracking()
            .Where(c => (number != null && c.Patient.PatientNumber == number)
                || (name != null && c.Patient.SearchName == name
                    && (number == null || c.Patient.PatientNumber == null)
                    && (birthDate == null || c.Patient.BirthDate == null || c.Patient.BirthDate == birthDate)))
            .Select(c => new { c.Id, c.Reference, c.Kind, c.Status, c.ReceivedOn, c.Patient.PatientNumber, c.Patient.BirthDate })
            .ToListAsync(ct);
        var found = rows
            .Select(r => new PersonCase(r.Id, r.Reference, r.Kind, r.Status, r.ReceivedOn,
                number is not null && r.PatientNumber == number ? PersonMatch.PatientNumber
                : birthDate is not null && r.BirthDate == birthDate ? PersonMatch.NameAndBirthDate
                : PersonMatch.NameOnly))
            .OrderBy(c => c.Match).ThenByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Reference, StringComparer.Ordinal)
            .Take(Limit).ToList();
        if (found.Count == 0)
            return found;

        foreach (var c in found)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = db.UtcNow, UserName = db.CurrentUserName, CaseFileId = c.Id, CaseReference = c.Reference,
                Action = AuditActions.PersonLookup, Details = $"Proposé à la saisie d'un nouveau dossier ({c.Match.Label()}).",
            });
        }
        await db.SaveChangesAsync(ct);
        return found;
    }
}
