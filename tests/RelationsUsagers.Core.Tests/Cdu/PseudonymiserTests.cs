using RelationsUsagers.Core.Cdu;

namespace RelationsUsagers.Core.Tests.Cdu;

/// <summary>Names out of free text, whatever their case and accents, whole words only (Cdu/Pseudonymiser.cs).</summary>
public sealed class PseudonymiserTests
{
    [Fact]
    public void A_last_name_goes_in_every_case_and_with_or_without_accents_and_civilities_stay()
    {
        var text = "Mme LEFEVRE a écrit ; Mme Lefèvre, épouse de M. lefevre, et Hélène.";

        Assert.Equal("Mme L. a écrit ; Mme L., épouse de M. L., et H.", Pseudonymiser.RemoveNames(text, "Hélène Lefèvre"));
    }

    [Fact]
    public void A_name_typed_without_accents_removes_the_accented_spelling()
    {
        Assert.Equal("Courrier de M. M. du 3 mars.", Pseudonymiser.RemoveNames("Courrier de M. Ménard du 3 mars.", "MENARD"));
    }

    [Fact]
    public void A_particle_name_goes_whole_or_by_its_main_part_but_the_article_stays()
    {
        var text = "M. Le Gall et le fils de M. LE GALL ; Monsieur Gall ; le-gall@ ; le docteur";

        Assert.Equal("M. L. G. et le fils de M. L. G. ; Monsieur G. ; L.-G.@ ; le docteur",
            Pseudonymiser.RemoveNames(text, "Yann Le Gall"));
    }

    [Fact]
    public void A_hyphenated_first_name_goes_with_or_without_its_hyphen_and_by_its_parts()
    {
        var text = "Jean-Pierre a appelé ; Jean Pierre rappellera ; JEAN-PIERRE MÉNARD ; Pierre ; Jean.";

        Assert.Equal("J.-P. a appelé ; J. P. rappellera ; J.-P. M. ; P. ; J.", Pseudonymiser.RemoveNames(text, "Jean-Pierre Ménard"));
    }

    [Fact]
    public void Only_whole_words_are_removed()
    {
        Assert.Equal("Pierrette et les pierreries de Saint-P.", Pseudonymiser.RemoveNames("Pierrette et les pierreries de Saint-Pierre", "Pierre"));
    }

    [Fact]
    public void Decomposed_accents_and_typographic_apostrophes_are_matched()
    {
        var decomposed = "Mme Le\u0301fe\u0300vre et Mme d\u2019Artagnan";

        Assert.Equal("Mme L. et Mme d\u2019A.", Pseudonymiser.RemoveNames(decomposed, "Lefèvre", "Claire d'Artagnan"));
    }

    [Fact]
    public void The_placeholder_replaces_each_name()
    {
        Assert.Equal("Maître [nom retiré] pour Mme [nom retiré].",
            Pseudonymiser.RemoveNames("Maître Rousseau pour Mme Garnier.", NameReplacement.Placeholder, "Maître Arnaud Rousseau", "Garnier"));
    }

    [Fact]
    public void Civilities_and_parentheses_in_the_name_given_are_not_names()
    {
        Assert.Equal("Madame B. a vu le docteur.",
            Pseudonymiser.RemoveNames("Madame Bernard a vu le docteur.", "Mme Josiane Bernard (fille de la patiente)", "Dr"));
    }

    [Fact]
    public void No_name_given_leaves_the_text_as_it_is()
    {
        Assert.Equal("Rien à retirer.", Pseudonymiser.RemoveNames("Rien à retirer.", null, " ", "Me"));
        Assert.Equal("", Pseudonymiser.RemoveNames(null, "Lefèvre"));
    }

    [Theory]
    [InlineData("Anne", "Lefèvre", "A. L.")]
    [InlineData("Jean-Pierre", "Le Gall", "J.-P. L.")]
    [InlineData("élodie", "ébrard", "É. É.")]
    [InlineData(null, "Martin", "M.")]
    [InlineData("Hé\u00ADlène", "\uFEFFＬｅｆèｖｒｅ", "H. L.")]
    public void Initials(string? first, string last, string expected) => Assert.Equal(expected, Pseudonymiser.Initials(first, last));

    [Fact]
    public void Email_addresses_and_phone_numbers_are_removed()
    {
        Assert.Equal("Écrire à [courriel retiré] ou appeler le [téléphone retiré], [téléphone retiré] ou [téléphone retiré].",
            Pseudonymiser.RemoveContactDetails("Écrire à helene.lefevre@example.fr ou appeler le 06 12 34 56 78, 0612345678 ou +33 6.12.34.56.78."));
    }

    private static readonly DateOnly CheckOn = new(2026, 12, 6);

    [Fact]
    public void A_count_grouped_in_thousands_by_no_break_spaces_is_a_quantity_and_an_ungrouped_long_number_is_signalled()
    {
        // As the agenda builder writes them: "195 846" (U+202F), "1 500" (U+00A0).
        var counts = new Pseudonymiser(PersonNameIndex.Empty, checkOn: CheckOn).Scrub($"Du 18/07/2026 au 16/12/2026 : 195\u202F846 demandes reçues, 1\u00A0500 autres, 174\u202F764\u202F120 pages.");
        Assert.Empty(counts.Signals);

        // The same numbers ungrouped (what the 1,000,000-case demo's agenda held), grouped by plain spaces as anyone types,
        // or grouped otherwise than by thousands: each could be an identifier.
        var typed = new Pseudonymiser(PersonNameIndex.Empty, checkOn: CheckOn).Scrub("Reçues (195846) ; envoyées (195 846) ; autres (19\u00A05846).");
        Assert.Equal(["195846", "195 846", "19\u00A05846"], typed.Signals.Select(s => typed.Original.Substring(s.Start, s.Length)));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1500, "1\u202F500")]
    [InlineData(195846, "195\u202F846")]
    [InlineData(1000000, "1\u202F000\u202F000")]
    public void Counts_are_written_with_French_thousands_separators(int number, string written)
    {
        Assert.Equal(written, CduText.Number(number));
        Assert.Equal($"{written} demande{(number >= 2 ? "s" : "")}", CduText.Count(number, "demande"));
    }
}
