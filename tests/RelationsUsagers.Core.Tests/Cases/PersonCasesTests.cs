using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Core.Tests.Data;

namespace RelationsUsagers.Core.Tests.Cases;

/// <summary>
/// PersonCasesService (Cases/PersonCases.cs), asked while a new case is typed: the person's cases of every kind and
/// status, by IPP, else by name and birth date, else by name alone (flagged as weaker); each case shown is audited.
/// </summary>
public abstract class PersonCasesTests
{
    protected abstract DatabaseProvider Provider { get; }

    private protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly BirthDate = new(1958, 6, 21);

    /// <summary>Hélène Lefèvre as the officer types her: name, and the birth date and IPP when given.</summary>
    private protected static Patient Person(DateOnly? birthDate = null, string? number = null, string lastName = "LEFEVRE", string firstName = "helene") =>
        new() { LastName = lastName, FirstName = firstName, BirthDate = birthDate, PatientNumber = number };

    /// <summary>A case for the patient as <paramref name="patient"/> sets them; abandoned on its day of receipt when asked.</summary>
    private static async Task<CaseFile> CreateAsync(CaseFileService service, CaseFile draft, Action<Patient> patient, bool abandoned = false)
    {
        patient(draft.Patient);
        var created = await service.CreateAsync(draft, Ct);
        return abandoned
            ? await service.TakeStepAsync(created.Id, created.ConcurrencyStamp, "abandon", new StepInput(created.ReceivedOn, "Demande retirée."), ct: Ct)
            : created;
    }

    private static void Lefevre(Patient p, DateOnly? birthDate, string? number) =>
        (p.LastName, p.FirstName, p.BirthDate, p.PatientNumber) = ("Lefèvre", "Hélène", birthDate, number);

    [Fact]
    public async Task An_IPP_finds_the_persons_cases_of_every_kind_and_status_even_under_another_name_but_not_another_IPP()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var abandonedAccess = await CreateAsync(service, TestCases.AccessRequest(new DateOnly(2025, 11, 4)), p => Lefevre(p, BirthDate, "700123456"), abandoned: true);
        // Her complaint, typed under her married name without a birth date: the IPP alone ties it to her.
        var complaint = await CreateAsync(service, TestCases.Complaint(new DateOnly(2026, 2, 27)),
            p => (p.LastName, p.FirstName, p.BirthDate, p.PatientNumber) = ("Dubreuil", "Hélène", null, "700123456"));
        // A namesake born the same day but under another IPP: another patient.
        await CreateAsync(service, TestCases.IndemnityClaim(), p => Lefevre(p, BirthDate, "700999999"));
        // Her requisition recorded without IPP: the name and birth date still match.
        var requisition = await CreateAsync(service, TestCases.Requisition(), p => Lefevre(p, BirthDate, null));

        var found = await new PersonCasesService(database.Factory).FindAsync(Person(BirthDate, " 700123456 "), Ct);

        Assert.Equal(
            [
                (complaint.Reference, CaseKind.Complaint, CaseStatus.Received, PersonMatch.PatientNumber),
                (abandonedAccess.Reference, CaseKind.AccessRequest, CaseStatus.Abandoned, PersonMatch.PatientNumber),
                (requisition.Reference, CaseKind.Requisition, CaseStatus.Received, PersonMatch.NameAndBirthDate),
            ],
            found.Select(c => (c.Reference, c.Kind, c.Status, c.Match)));
        Assert.Equal(new DateOnly(2025, 11, 4), found[1].ReceivedOn);
        Assert.Equal(abandonedAccess.Id, found[1].Id);
    }

    [Fact]
    public async Task Without_IPP_the_name_and_birth_date_match_first_a_missing_birth_date_is_a_weaker_match_and_another_one_no_match()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var sameBirth = await CreateAsync(service, TestCases.IndemnityClaim(new DateOnly(2025, 6, 2)), p => Lefevre(p, BirthDate, "700123456"), abandoned: true);
        var noBirth = await CreateAsync(service, TestCases.Complaint(), p => Lefevre(p, null, null));
        await CreateAsync(service, TestCases.AccessRequest(), p => Lefevre(p, new DateOnly(1985, 1, 9), null));
        await CreateAsync(service, TestCases.Requisition(), p => (p.LastName, p.FirstName, p.BirthDate) = ("Lefèvre", "Marie", BirthDate));

        var found = await new PersonCasesService(database.Factory).FindAsync(Person(BirthDate), Ct);

        Assert.Equal(
            [(sameBirth.Reference, CaseStatus.Abandoned, PersonMatch.NameAndBirthDate), (noBirth.Reference, CaseStatus.Received, PersonMatch.NameOnly)],
            found.Select(c => (c.Reference, c.Status, c.Match)));
    }

    [Fact]
    public async Task A_name_alone_finds_every_namesake_most_recent_first_flagged_as_name_only()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var older = await CreateAsync(service, TestCases.AccessRequest(new DateOnly(2025, 9, 30)), p => Lefevre(p, BirthDate, "700123456"), abandoned: true);
        var recent = await CreateAsync(service, TestCases.Requisition(new DateOnly(2026, 3, 3)), p => Lefevre(p, new DateOnly(1985, 1, 9), null));
        await CreateAsync(service, TestCases.Complaint(), _ => { }); // Joseph Ménard

        var found = await new PersonCasesService(database.Factory).FindAsync(Person(), Ct);

        Assert.Equal([(recent.Reference, PersonMatch.NameOnly), (older.Reference, PersonMatch.NameOnly)], found.Select(c => (c.Reference, c.Match)));
    }

    [Fact]
    public async Task Each_case_shown_is_an_audited_read_and_a_lookup_that_finds_nothing_writes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        var access = await service.CreateAsync(TestCases.AccessRequest(), Ct);
        var persons = new PersonCasesService(database.FactoryFor("j.roux"));

        Assert.Empty(await persons.FindAsync(Person(lastName: "Dupont"), Ct));
        Assert.Empty(await persons.FindAsync(Person(lastName: " ", firstName: "Hélène"), Ct));
        await using (var db = database.CreateContext())
            Assert.Equal(0, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.PersonLookup, Ct));

        await persons.FindAsync(Person(number: "700123456"), Ct);

        await using var check = database.CreateContext();
        var line = await check.AuditEntries.SingleAsync(a => a.Action == AuditActions.PersonLookup, Ct);
        Assert.Equal(("j.roux", access.Id, access.Reference, TestDatabase.DefaultNow.UtcDateTime), (line.UserName, line.CaseFileId, line.CaseReference, line.AtUtc));
        Assert.Equal("Proposé à la saisie d'un nouveau dossier (même IPP).", line.Details);
    }

    [Fact]
    public async Task At_most_twenty_cases_are_returned_the_surest_first()
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        var service = database.CreateService();
        for (var day = 1; day <= 21; day++)
            await CreateAsync(service, TestCases.AccessRequest(new DateOnly(2026, 1, day)), p => Lefevre(p, null, null));
        var byNumber = await CreateAsync(service, TestCases.IndemnityClaim(new DateOnly(2025, 1, 1)), p => Lefevre(p, BirthDate, "700123456"));

        var found = await new PersonCasesService(database.Factory).FindAsync(Person(BirthDate, "700123456"), Ct);

        Assert.Equal(PersonCasesService.Limit, found.Count);
        Assert.Equal(byNumber.Reference, found[0].Reference);
        Assert.Equal(new DateOnly(2026, 1, 21), found[1].ReceivedOn);
        Assert.Equal(new DateOnly(2026, 1, 3), found[^1].ReceivedOn);
    }

    [Theory]
    [InlineData(CaseKind.AccessRequest, "2026-02-08", true)]  // 30 days before 10 March
    [InlineData(CaseKind.AccessRequest, "2026-02-07", false)] // 31 days before
    [InlineData(CaseKind.AccessRequest, "2026-04-09", true)]  // 30 days after: a paper letter typed late
    [InlineData(CaseKind.AccessRequest, "2026-04-10", false)]
    [InlineData(CaseKind.Complaint, "2026-03-10", false)]     // same day, another kind
    public void A_case_of_the_same_kind_received_within_30_days_either_side_is_a_possible_duplicate(CaseKind kind, string receivedOn, bool duplicate)
    {
        var existing = new PersonCase(Guid.NewGuid(), "DAD-2026-00001", kind, CaseStatus.Received, DateOnly.Parse(receivedOn, System.Globalization.CultureInfo.InvariantCulture), PersonMatch.PatientNumber);

        Assert.Equal(duplicate, existing.IsPossibleDuplicateOf(CaseKind.AccessRequest, new DateOnly(2026, 3, 10)));
    }
}

public sealed class SqlitePersonCasesTests : PersonCasesTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    // SQLite's plan (EXPLAIN QUERY PLAN); PostgreSQL's planner picks a scan on a table this small, by cost.
    [Theory]
    [InlineData("700123456", null)]
    [InlineData(null, "1958-06-21")]
    [InlineData("700123456", "1958-06-21")]
    public async Task The_lookup_is_planned_on_the_person_indexes_without_reading_the_whole_table(string? number, string? birthDate)
    {
        await using var database = await TestDatabase.CreateAsync(Provider, Ct);
        await Core.Data.DemoSeed.DemoCaseSeeder.SeedAsync(database.Factory, 300, database.Clock, Ct);
        var commands = new QueryPlans.CommandRecorder();
        var persons = new PersonCasesService(database.FactoryFor(TestDatabase.DefaultUserName, commands));

        await persons.FindAsync(Person(birthDate is null ? null : DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture), number), Ct);

        var select = Assert.Single(commands.Sent, c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.Ordinal));
        var plan = await QueryPlans.PlanAsync(database, select.Sql, select.Parameters);

        var explained = QueryPlans.Explain(select.Sql, plan);
        Assert.True(plan.Any(l => l.Contains(CaseFileConfiguration.PatientNameIndex, StringComparison.Ordinal)), explained);
        if (number is not null)
            Assert.True(plan.Any(l => l.Contains(CaseFileConfiguration.PatientNumberIndex, StringComparison.Ordinal)), explained);
        Assert.DoesNotContain(plan, l => l.StartsWith("SCAN", StringComparison.Ordinal));
    }
}

public sealed class PostgreSqlPersonCasesTests : PersonCasesTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
