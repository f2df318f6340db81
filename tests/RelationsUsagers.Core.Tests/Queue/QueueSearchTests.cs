using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Queue;
using static RelationsUsagers.Core.Tests.Queue.QueueFixture;

namespace RelationsUsagers.Core.Tests.Queue;

/// <summary>
/// The queue's search box: part of a reference or of an IPP, part of the patient's or requester's name, case and accents
/// ignored; and, when no open case matches, how many closed ones do.
/// </summary>
public abstract class QueueSearchTests
{
    protected abstract DatabaseProvider Provider { get; }

    private static QueueFilter Search(string text) => new() { Search = text };

    [Theory]
    [InlineData("lefevre")]
    [InlineData("LEFEVRE")]
    [InlineData("Lefèvre")]
    [InlineData("  lefèv  ")]
    [InlineData("helene")]
    public async Task A_patient_name_is_found_ignoring_case_and_accents(string text)
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var lefevre = await queue.AccessAsync(D(3, 10));
        await queue.Cases.CreateAsync(TestCases.IndemnityClaim(), Ct); // Garnier, through Maître Rousseau

        Assert.Equal([lefevre.Reference], await queue.ReferencesAsync(Search(text)));
    }

    [Fact]
    public async Task MENARD_finds_the_complaint_about_Joseph_Menard()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.AccessAsync(D(3, 10));
        var menard = await queue.Cases.CreateAsync(TestCases.Complaint(), Ct);

        Assert.Equal([menard.Reference], await queue.ReferencesAsync(Search("MENARD")));
    }

    [Fact]
    public async Task A_requester_name_is_found_even_when_the_patient_has_another_name()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var viaDaughter = await queue.AccessAsync(D(3, 10), r => r.Requester.Name = "Éloïse Dubreuil-Lefèvre");
        await queue.AccessAsync(D(3, 11));

        Assert.Equal([viaDaughter.Reference], await queue.ReferencesAsync(Search("eloise dubreuil")));
    }

    [Fact]
    public async Task A_reference_prefix_finds_every_case_of_that_kind_and_year()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var first = await queue.AccessAsync(D(3, 10));
        var second = await queue.AccessAsync(D(3, 6));
        await queue.Cases.CreateAsync(TestCases.Complaint(), Ct);
        await queue.Cases.CreateAsync(TestCases.Requisition(), Ct);

        Assert.Equal([second.Reference, first.Reference], await queue.ReferencesAsync(Search("DAD-2026")));
        Assert.Equal([second.Reference, first.Reference], await queue.ReferencesAsync(Search("dad-2026")));
    }

    [Fact]
    public async Task A_full_reference_finds_only_that_case()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.AccessAsync(D(3, 10));
        var second = await queue.AccessAsync(D(3, 11));

        Assert.Equal("DAD-2026-00002", second.Reference);
        Assert.Equal([second.Reference], await queue.ReferencesAsync(Search(" dad-2026-00002 ")));
    }

    [Theory]
    [InlineData("2026-00002")]
    [InlineData("00002")]
    public async Task A_part_of_a_reference_finds_it_anywhere_in_it(string text)
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.AccessAsync(D(3, 10));
        var second = await queue.AccessAsync(D(3, 11));
        await queue.Cases.CreateAsync(TestCases.Complaint(), Ct);

        Assert.Equal("DAD-2026-00002", second.Reference);
        Assert.Equal([second.Reference], await queue.ReferencesAsync(Search(text)));
    }

    [Theory]
    [InlineData("700123456")]
    [InlineData("0123")]
    [InlineData(" 70012 ")]
    public async Task The_IPP_or_a_part_of_it_finds_the_patients_case(string text)
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var lefevre = await queue.AccessAsync(D(3, 10)); // IPP 700123456
        await queue.AccessAsync(D(3, 11), r => r.Patient.PatientNumber = "700999888");
        await queue.AccessAsync(D(3, 12), r => r.Patient.PatientNumber = null);

        Assert.Equal([lefevre.Reference], await queue.ReferencesAsync(Search(text)));
    }

    [Fact]
    public async Task When_no_open_case_matches_the_closed_refused_and_abandoned_ones_that_do_are_counted()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.ClosedAccessAsync(D(2, 10));
        await queue.RefusedAccessAsync(D(2, 12));
        await queue.AbandonedAccessAsync(D(2, 14)); // all three for Hélène Lefèvre, IPP 700123456
        await queue.Cases.CreateAsync(TestCases.Complaint(), Ct); // Joseph Ménard, open

        Assert.Equal(0, (await queue.PageAsync(Search("lefevre"))).TotalCount);
        Assert.Equal(3, await queue.Queue.CountClosedMatchesAsync(Search("lefevre"), Ct));
        Assert.Equal(3, await queue.Queue.CountClosedMatchesAsync(Search("0123"), Ct));
        // The other filters still apply, and nothing is hidden once closed cases are shown or a status is chosen.
        Assert.Equal(0, await queue.Queue.CountClosedMatchesAsync(Search("lefevre") with { Kind = CaseKind.Complaint }, Ct));
        Assert.Equal(0, await queue.Queue.CountClosedMatchesAsync(Search("menard"), Ct));
        Assert.Equal(0, await queue.Queue.CountClosedMatchesAsync(Search("lefevre") with { IncludeClosed = true }, Ct));
        Assert.Equal(0, await queue.Queue.CountClosedMatchesAsync(Search("lefevre") with { Status = CaseStatus.Closed }, Ct));
        Assert.Equal(3, (await queue.PageAsync(Search("lefevre") with { IncludeClosed = true })).TotalCount);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    public async Task Like_wildcards_typed_in_the_search_are_taken_literally(string text)
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.AccessAsync(D(3, 10));
        await queue.Cases.CreateAsync(TestCases.Complaint(), Ct);

        Assert.Empty(await queue.ReferencesAsync(Search(text)));
    }

    [Fact]
    public async Task A_search_that_matches_nothing_returns_an_empty_page()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        await queue.AccessAsync(D(3, 10));

        var page = await queue.PageAsync(Search("Dupont"));

        Assert.Equal((0, 0), (page.Items.Count, page.TotalCount));
    }

    [Fact]
    public async Task The_search_follows_a_renamed_patient()
    {
        await using var queue = await QueueFixture.CreateAsync(Provider);
        var created = await queue.AccessAsync(D(3, 10));
        var opened = (await queue.Cases.OpenAsync(created.Id, Ct))!;
        opened.Patient.LastName = "Bérénger";
        await queue.Cases.UpdateAsync(opened, Ct);

        Assert.Equal([created.Reference], await queue.ReferencesAsync(Search("berenger")));
        Assert.Empty(await queue.ReferencesAsync(Search("lefevre helene")));
    }
}

public sealed class SqliteQueueSearchTests : QueueSearchTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlQueueSearchTests : QueueSearchTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
