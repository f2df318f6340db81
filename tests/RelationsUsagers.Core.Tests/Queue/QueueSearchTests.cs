using RelationsUsagers.Core.Queue;
using static RelationsUsagers.Core.Tests.Queue.QueueFixture;

namespace RelationsUsagers.Core.Tests.Queue;

/// <summary>The queue's search box: reference prefix, patient and requester names, case and accents ignored.</summary>
public sealed class QueueSearchTests
{
    private static QueueFilter Search(string text) => new() { Search = text };

    [Theory]
    [InlineData("lefevre")]
    [InlineData("LEFEVRE")]
    [InlineData("Lefèvre")]
    [InlineData("  lefèv  ")]
    [InlineData("helene")]
    public async Task A_patient_name_is_found_ignoring_case_and_accents(string text)
    {
        await using var queue = await QueueFixture.CreateAsync();
        var lefevre = await queue.AccessAsync(D(3, 10));
        await queue.Cases.CreateAsync(TestCases.IndemnityClaim(), Ct); // Garnier, through Maître Rousseau

        Assert.Equal([lefevre.Reference], await queue.ReferencesAsync(Search(text)));
    }

    [Fact]
    public async Task MENARD_finds_the_complaint_about_Joseph_Menard()
    {
        await using var queue = await QueueFixture.CreateAsync();
        await queue.AccessAsync(D(3, 10));
        var menard = await queue.Cases.CreateAsync(TestCases.Complaint(), Ct);

        Assert.Equal([menard.Reference], await queue.ReferencesAsync(Search("MENARD")));
    }

    [Fact]
    public async Task A_requester_name_is_found_even_when_the_patient_has_another_name()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var viaDaughter = await queue.AccessAsync(D(3, 10), r => r.Requester.Name = "Éloïse Dubreuil-Lefèvre");
        await queue.AccessAsync(D(3, 11));

        Assert.Equal([viaDaughter.Reference], await queue.ReferencesAsync(Search("eloise dubreuil")));
    }

    [Fact]
    public async Task A_reference_prefix_finds_every_case_of_that_kind_and_year()
    {
        await using var queue = await QueueFixture.CreateAsync();
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
        await using var queue = await QueueFixture.CreateAsync();
        await queue.AccessAsync(D(3, 10));
        var second = await queue.AccessAsync(D(3, 11));

        Assert.Equal("DAD-2026-00002", second.Reference);
        Assert.Equal([second.Reference], await queue.ReferencesAsync(Search(" dad-2026-00002 ")));
    }

    [Fact]
    public async Task A_reference_is_matched_by_its_start_only()
    {
        await using var queue = await QueueFixture.CreateAsync();
        await queue.AccessAsync(D(3, 10));

        Assert.Empty(await queue.ReferencesAsync(Search("2026-00001")));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("\\")]
    public async Task Like_wildcards_typed_in_the_search_are_taken_literally(string text)
    {
        await using var queue = await QueueFixture.CreateAsync();
        await queue.AccessAsync(D(3, 10));
        await queue.Cases.CreateAsync(TestCases.Complaint(), Ct);

        Assert.Empty(await queue.ReferencesAsync(Search(text)));
    }

    [Fact]
    public async Task A_search_that_matches_nothing_returns_an_empty_page()
    {
        await using var queue = await QueueFixture.CreateAsync();
        await queue.AccessAsync(D(3, 10));

        var page = await queue.PageAsync(Search("Dupont"));

        Assert.Equal((0, 0), (page.Items.Count, page.TotalCount));
    }

    [Fact]
    public async Task The_search_follows_a_renamed_patient()
    {
        await using var queue = await QueueFixture.CreateAsync();
        var created = await queue.AccessAsync(D(3, 10));
        var opened = (await queue.Cases.OpenAsync(created.Id, Ct))!;
        opened.Patient.LastName = "Bérénger";
        await queue.Cases.UpdateAsync(opened, Ct);

        Assert.Equal([created.Reference], await queue.ReferencesAsync(Search("berenger")));
        Assert.Empty(await queue.ReferencesAsync(Search("lefevre helene")));
    }
}
