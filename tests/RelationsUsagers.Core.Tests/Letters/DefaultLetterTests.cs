using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Data.DemoSeed;
using RelationsUsagers.Core.Letters;

namespace RelationsUsagers.Core.Tests.Letters;

/// <summary>
/// Every default letter, written for a demo case of its kind: a valid Word document whose text holds each mention the law
/// requires, with its dates written out in French and no field left as a placeholder.
/// </summary>
public class DefaultLetterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly Lazy<IReadOnlyList<CaseFile>> DemoCases = new(() =>
    [
        .. new DemoCaseGenerator(Now).Generate(600).Cases,
        // Protection fonctionnelle has its own demo files, numbered here as the seeder would.
        .. Core.FunctionalProtection.ProtectionDemoSeeder.Build(Today).Select((f, i) => { f.Reference = ReferenceAllocator.Format(f.Kind, f.ReceivedOn.Year, i + 1); return f; }),
    ]);

    /// <summary>What an officer types in the panel for the fields a letter asks.</summary>
    private static readonly Dictionary<string, string?> Typed = new()
    {
        [LetterFields.AppointmentOn.Code] = "3 décembre 2026", [LetterFields.AppointmentTime.Code] = "14 h 30",
        [LetterFields.AppointmentPlace.Code] = "au bureau des usagers, bâtiment A", [LetterFields.DecisionText.Code] = "Votre demande est rejetée.",
        [LetterFields.AnswerText.Code] = "Le service de chirurgie a revu l'organisation des sorties.", [LetterFields.DocumentsSent.Code] = "compte rendu d'hospitalisation",
        [LetterFields.RefusalReason.Code] = "le patient s'est opposé de son vivant à la communication.", [LetterFields.MeetingTime.Code] = "14 h 00",
        [LetterFields.RecordedDeliveryNumber.Code] = "1A 234 567 8901 2",
    };

    public static TheoryData<string> CaseLetters => [.. LetterCatalog.All.Where(l => l.Kind is not null).Select(l => l.Code)];

    [Theory]
    [MemberData(nameof(CaseLetters))]
    public void Every_default_letter_is_written_for_a_demo_case_with_the_mentions_the_law_requires(string code)
    {
        var letter = LetterCatalog.Find(code)!;
        var draft = DemoCases.Value.Where(c => c.Kind == letter.Kind && letter.Fits(c))
            .SelectMany(c => letter.Recipients(c, DemoEstablishment.Create()).Select(r => LetterService.Draft(letter, Context(c, r), null)))
            .FirstOrDefault(d => d.Ready);
        Assert.True(draft is not null, $"No demo case can be written « {letter.Title} ».");

        var document = LetterDocx.Fill(LetterDocx.BuildDefault(letter), draft.Values, Logo, "image/png");
        AssertValidWord(document);
        var text = LetterDocx.Normalise(string.Join("\n", LetterDocx.Paragraphs(document)));
        Assert.All(letter.Mentions, m => Assert.Contains(LetterDocx.Normalise(m.Text), text, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("«", text.Replace("« pli", "").Replace("« ", "")); // no field left as its placeholder
        Assert.Contains($"Nantes, le {LetterFields.LongDate(Today)}", text);
        Assert.Contains(LetterDocx.Normalise(draft.Values[LetterFields.Reference.Code]!), text);
        Assert.Empty(LetterDocx.Tags(document));
        if (letter.Confidential)
            Assert.Contains("PLI CONFIDENTIEL", text);
    }

    [Fact]
    public void The_claim_acknowledgement_gives_the_implicit_rejection_date_written_out()
    {
        // Received 31 January 2026: rejected on 31 March 2026 (CJA R.421-2, two months, month end kept).
        var claim = TestCases.IndemnityClaim(new DateOnly(2026, 1, 31));
        claim.Reference = "IND-2026-00012";
        var draft = LetterService.Draft(Claims.ClaimLetters.Acknowledgement, Context(claim, LetterValues.Requester(claim)), LetterDocx.BuildDefault(Claims.ClaimLetters.Acknowledgement));
        var text = LetterDocx.Normalise(string.Join("\n", draft.Preview));
        Assert.Contains("sera réputée rejetée le 31 mars 2026", text);
        Assert.Contains("Nous avons reçu le 31 janvier 2026", text);
        Assert.Contains("devant le tribunal administratif de Nantes dans un délai de deux mois", text);
        // No missing documents typed: the paragraph about them is left out.
        Assert.DoesNotContain("Votre demande est incomplète", text);
    }

    [Fact]
    public void A_claim_decision_gives_the_amounts_in_euros()
    {
        var claim = TestCases.IndemnityClaim();
        (claim.Reference, claim.ClaimedAmountCents, claim.OfferAmountCents) = ("IND-2026-00013", 4_500_000, 1_250_050);
        var draft = LetterService.Draft(Claims.ClaimLetters.Decision, Context(claim, LetterValues.Requester(claim)), LetterDocx.BuildDefault(Claims.ClaimLetters.Decision));
        var text = string.Join("\n", draft.Preview);
        Assert.Contains("45\u00A0000,00\u00A0€", text);
        Assert.Contains("12\u00A0500,50\u00A0€", text);
    }

    [Fact]
    public void The_CDU_convocation_goes_to_every_member_in_one_document()
    {
        var meeting = new CduMeeting { Date = new DateOnly(2026, 12, 10), Place = "salle du conseil, bâtiment administratif" };
        meeting.Agenda.Add(new AgendaItem { Order = 1, Title = "Plaintes du trimestre" });
        meeting.Agenda.Add(new AgendaItem { Order = 2, Title = "Rapport annuel 2026" });
        var members = new[]
        {
            new CduMember { FullName = "Hélène Dubois", Category = CduCategory.PatientRepresentative },
            new CduMember { FullName = "Marc Lefort", Category = CduCategory.PatientRepresentative, IsDeputy = true },
            new CduMember { FullName = "Dr Anne Roy", Category = CduCategory.MedicalMediator },
        };
        var letter = CduLetters.Convocation;
        var values = members.Select(m => LetterService.Draft(letter, new LetterContext
        {
            Establishment = DemoEstablishment.Create(), Today = Today, Meeting = meeting, Member = m, Asked = Typed,
            Recipient = new LetterRecipient("member", m.Category.Label(), m.FullName, null, true),
        }, null)).Select(d => { Assert.True(d.Ready, string.Join(" ", d.Missing)); return d.Values; }).ToList();

        var document = LetterDocx.FillMany(LetterDocx.BuildDefault(letter), values, Logo, "image/png");
        AssertValidWord(document);
        var text = string.Join("\n", LetterDocx.Paragraphs(document));
        Assert.Equal(3, text.Split("J'ai l'honneur de vous convier").Length - 1);
        Assert.Contains("représentant(e) des usagers suppléant(e)", text);
        Assert.Contains("le 10 décembre 2026 à 14 h 00, salle du conseil", text);
        // The agenda is a list: each item on its own line after « suivant : ».
        Assert.Contains("L'ordre du jour de la séance est le suivant :\n1. Plaintes du trimestre\n2. Rapport annuel 2026", text);
    }

    private static LetterContext Context(CaseFile file, LetterRecipient recipient) => new()
    {
        Case = file, Establishment = DemoEstablishment.Create(), Today = Today, Recipient = recipient, Asked = Typed,
        Deadlines = LegalClock.Default.Compute(file, [], Today),
    };

    /// <summary>A 2 × 1 PNG: the letterhead's logo goes in without an image library.</summary>
    private static readonly byte[] Logo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4nGP4z8DwHwQZGBgAFfIB/zXWqaYAAAAASUVORK5CYII=");

    private static void AssertValidWord(byte[] document)
    {
        using var stream = new MemoryStream(document);
        using var doc = WordprocessingDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Description} ({e.Path?.XPath})"));
        // Word shows no line break typed inside a text: each line must be its own break element.
        Assert.DoesNotContain(doc.MainDocumentPart!.Document.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>(), t => t.Text.Contains('\n'));
        // A justified line ending with such a break is not stretched (the list after « suivants : », the agenda).
        Assert.NotNull(doc.MainDocumentPart.DocumentSettingsPart?.Settings.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.Compatibility>()
            ?.GetFirstChild<DocumentFormat.OpenXml.Wordprocessing.DoNotExpandShiftReturn>());
    }
}
