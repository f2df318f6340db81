using RelationsUsagers.Core.Cdu;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>
/// Every leak attempt of the corpus (pseudonymisation-corpus.tsv) against the scrubber with the corpus's people as the
/// database: each personal fragment disappears, the text the CDU works on stays. No case is cited: the names are found
/// because the database knows them, not because the item links their case.
/// </summary>
public sealed class PseudonymiserCorpusTests
{
    public static TheoryData<int> Lines() => [.. PseudonymisationCorpus.Attempts().Select(a => a.Line)];

    private static readonly Lazy<PersonNameIndex> Database = new(() =>
    {
        var index = new PersonNameIndex();
        foreach (var (first, last, _, number) in PseudonymisationCorpus.Patients)
        {
            index.AddPerson(first, last);
            index.AddPatientNumber(number);
        }
        foreach (var name in PseudonymisationCorpus.Named)
            index.AddNamed(name);
        return index;
    });

    [Theory]
    [MemberData(nameof(Lines))]
    public void The_personal_fragments_of_the_attempt_disappear_and_the_rest_stays(int line)
    {
        var attempt = PseudonymisationCorpus.Attempts().Single(a => a.Line == line);

        var output = new Pseudonymiser(Database.Value).Scrub(attempt.Input).Text;

        Assert.True(PseudonymisationCorpus.LeaksIn(output, attempt).Count == 0,
            $"Still in « {output} »: {string.Join(", ", PseudonymisationCorpus.LeaksIn(output, attempt))}");
        Assert.True(PseudonymisationCorpus.MissingIn(output, attempt).Count == 0,
            $"Lost from « {output} »: {string.Join(", ", PseudonymisationCorpus.MissingIn(output, attempt))}");
    }

    [Fact]
    public void The_corpus_covers_every_kind_of_leak_reported()
    {
        var inputs = PseudonymisationCorpus.Attempts().Select(a => a.Input).ToList();

        Assert.True(inputs.Count >= 100, $"{inputs.Count} attempts");
        Assert.Contains(inputs, i => i.Contains('\u00AD'));
        Assert.Contains(inputs, i => i.Contains('\u200B'));
        Assert.Contains(inputs, i => i.Any(c => c is >= '\uFF01' and <= '\uFF5E'));
        Assert.Contains(inputs, i => i.Contains("0033", StringComparison.Ordinal));
        Assert.Contains(inputs, i => i.Contains("+33 (0)", StringComparison.Ordinal));
        Assert.Contains(inputs, i => i.Contains("2A", StringComparison.Ordinal));
        Assert.Contains(inputs, i => i.Contains("née le", StringComparison.Ordinal));
        Assert.Contains(inputs, i => i.Contains("rue des Lilas", StringComparison.Ordinal));
        Assert.Contains(inputs, i => i.Contains("Helene Lefevre", StringComparison.Ordinal));
        Assert.Contains(inputs, i => i.EndsWith(".pdf", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_database_the_names_of_the_corpus_would_leak()
    {
        // The test above can fail: with an empty database, names without civility stay.
        var attempt = PseudonymisationCorpus.Attempts().First(a => a.Input.StartsWith("Josiane Bernard", StringComparison.Ordinal));

        var output = new Pseudonymiser(PersonNameIndex.Empty).Scrub(attempt.Input).Text;

        Assert.Equal(["Josiane", "Bernard"], PseudonymisationCorpus.LeaksIn(output, attempt));
    }
}
