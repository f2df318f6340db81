using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Tests.Timeline;

/// <summary>
/// CaseFileService.FindPossibleDuplicatesAsync, asked while typing a new case: same kind, same patient,
/// received within 30 days either side.
/// </summary>
public sealed class PossibleDuplicatesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly NewCaseOn = new(2026, 3, 10);

    private static Task<IReadOnlyList<(Guid Id, string Reference, DateOnly ReceivedOn)>> FindAsync(CaseFileService service,
        CaseKind kind = CaseKind.AccessRequest, string lastName = "Lefèvre", string? firstName = "Hélène", DateOnly? birthDate = null,
        DateOnly? receivedOn = null) =>
        service.FindPossibleDuplicatesAsync(kind, lastName, firstName, birthDate, receivedOn ?? NewCaseOn, Ct);

    [Fact]
    public async Task A_same_kind_case_for_the_same_patient_within_30_days_is_found_but_not_one_40_days_away_nor_of_another_kind()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var recent = await service.CreateAsync(TestCases.AccessRequest(NewCaseOn.AddDays(-8)), Ct);
        await service.CreateAsync(TestCases.AccessRequest(NewCaseOn.AddDays(-40)), Ct);
        var complaint = TestCases.Complaint(NewCaseOn.AddDays(-8));
        complaint.Patient = TestCases.AccessRequest().Patient; // Hélène Lefèvre, but a complaint
        await service.CreateAsync(complaint, Ct);

        var found = await FindAsync(service);

        Assert.Equal((recent.Id, recent.Reference, recent.ReceivedOn), Assert.Single(found));
    }

    [Fact]
    public async Task The_window_includes_the_thirtieth_day_on_both_sides()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var before = await service.CreateAsync(TestCases.AccessRequest(new DateOnly(2026, 2, 13)), Ct);
        await service.CreateAsync(TestCases.AccessRequest(new DateOnly(2026, 2, 12)), Ct);

        // A new case back-dated 15 March - 30 days: the case of 13 February is exactly 30 days away, the 12th 31.
        var found = await FindAsync(service, receivedOn: new DateOnly(2026, 3, 15));

        Assert.Equal([before.Reference], found.Select(f => f.Reference));
    }

    [Fact]
    public async Task A_case_received_later_than_the_new_one_is_found_too()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var later = await service.CreateAsync(TestCases.AccessRequest(new DateOnly(2026, 3, 14)), Ct);

        // A paper letter typed late: received on 1 March.
        Assert.Equal([later.Reference], (await FindAsync(service, receivedOn: new DateOnly(2026, 3, 1))).Select(f => f.Reference));
    }

    [Theory]
    [InlineData("LEFEVRE", "helene")]
    [InlineData("Lefèvre", "Hélène")]
    [InlineData("lefèvre", "HÉLÈNE")]
    public async Task The_patient_name_is_compared_ignoring_case_and_accents(string lastName, string firstName)
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var existing = await service.CreateAsync(TestCases.AccessRequest(), Ct);

        Assert.Equal([existing.Reference], (await FindAsync(service, lastName: lastName, firstName: firstName)).Select(f => f.Reference));
    }

    [Fact]
    public async Task Another_patient_or_another_birth_date_is_not_a_duplicate()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        var existing = await service.CreateAsync(TestCases.AccessRequest(), Ct);

        Assert.Empty(await FindAsync(service, firstName: "Marie"));
        Assert.Empty(await FindAsync(service, birthDate: new DateOnly(1960, 1, 1)));
        Assert.Equal([existing.Reference], (await FindAsync(service, birthDate: existing.Patient.BirthDate)).Select(f => f.Reference));
    }

    [Fact]
    public async Task An_empty_name_finds_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        await service.CreateAsync(TestCases.AccessRequest(), Ct);

        Assert.Empty(await FindAsync(service, lastName: "  ", firstName: null));
    }

    [Fact]
    public async Task Duplicates_are_listed_most_recent_first_and_at_most_five()
    {
        await using var database = await TestDatabase.CreateAsync(Ct);
        var service = database.CreateService();
        for (var day = 1; day <= 7; day++)
            await service.CreateAsync(TestCases.AccessRequest(new DateOnly(2026, 3, day)), Ct);

        var found = await FindAsync(service);

        Assert.Equal([7, 6, 5, 4, 3], found.Select(f => f.ReceivedOn.Day));
    }
}
