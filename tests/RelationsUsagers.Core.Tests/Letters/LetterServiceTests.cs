using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Claims;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Documents;
using RelationsUsagers.Core.Letters;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Core.Tests.Cdu;

namespace RelationsUsagers.Core.Tests.Letters;

/// <summary>Letters written from a stored case: filed and audited, refused with what is missing, their sending recorded, templates versioned.</summary>
public abstract class LetterServiceTests : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    private readonly string _storageRoot = Path.Combine(Path.GetTempPath(), "relations-usagers-tests", "letters-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private LetterService _letters = null!;
    /// <summary>The letterhead and the templates are the manager's (letters.manage).</summary>
    private LetterService _manager = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, Ct);
        _letters = new LetterService(_database.Factory, new CaseDocumentService(_database.Factory, new DocumentStorage(_storageRoot)),
            _database.CreateService(), _database.Clock);
        _manager = LetterServiceAs(Manager);
        await _manager.SaveEstablishmentAsync(DemoEstablishment.Create(), Ct);
    }

    private const string Manager = "s.benali";

    private LetterService LetterServiceAs(string userName)
    {
        var factory = _database.FactoryFor(userName);
        return new LetterService(factory, new CaseDocumentService(factory, new DocumentStorage(_storageRoot)), _database.CreateService(userName),
            _database.Clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_storageRoot))
            Directory.Delete(_storageRoot, recursive: true);
    }

    private static readonly Dictionary<string, string?> Nothing = [];

    [Fact]
    public async Task A_generated_letter_is_filed_in_the_case_s_documents_and_audited()
    {
        var claim = await _database.CreateService().CreateAsync(TestCases.IndemnityClaim(), Ct);

        var (document, content) = await _letters.GenerateAsync(claim.Id, ClaimLetters.Acknowledgement.Code, null, Nothing, Ct);

        Assert.EndsWith(".docx", document.FileName);
        Assert.Equal(DocumentTypes.Docx, DocumentTypes.Detect(content, document.FileName));
        // TestCases: received 2 March 2026 → rejected on 2 May 2026.
        Assert.Contains(LetterDocx.Paragraphs(content), p => p.Contains("sera réputée rejetée le 2 mai 2026"));
        await using var db = _database.CreateContext();
        var audit = await db.AuditEntries.Where(a => a.CaseFileId == claim.Id && a.Action == AuditActions.LetterGenerated).SingleAsync(Ct);
        Assert.Contains("modèle par défaut", audit.Details);
        Assert.Single(await db.CaseDocuments.Where(d => d.CaseFileId == claim.Id).ToListAsync(Ct));
    }

    [Fact]
    public async Task Generation_is_refused_naming_the_missing_datum()
    {
        await using (var stored = _database.CreateContext())
        {
            // Stored as an older version of the portal may have left it: the page itself refuses an empty court.
            var row = await stored.Establishments.SingleAsync(Ct);
            row.AdministrativeCourt = "";
            await stored.SaveChangesAsync(Ct);
        }
        var claim = await _database.CreateService().CreateAsync(TestCases.IndemnityClaim(), Ct);

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => _letters.GenerateAsync(claim.Id, ClaimLetters.Acknowledgement.Code, null, Nothing, Ct));

        Assert.Contains("« Tribunal administratif compétent » inconnu(e) : complétez la page Établissement.", refusal.Message);
        await using var db = _database.CreateContext();
        Assert.Empty(await db.CaseDocuments.ToListAsync(Ct));
        var draft = await _letters.PrepareAsync(claim.Id, ClaimLetters.Decision.Code, null, Nothing, Ct);
        Assert.Contains(draft.Missing, m => m.StartsWith("« Décision » inconnu(e) : saisissez le texte de la décision", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recording_the_acknowledgement_of_a_claim_meets_nothing_late_and_starts_the_court_time_limit()
    {
        var service = _database.CreateService();
        var claim = await service.CreateAsync(TestCases.IndemnityClaim(), Ct);

        var sent = await _letters.RecordSendingAsync(claim.Id, claim.ConcurrencyStamp, ClaimLetters.Acknowledgement.Code,
            new StepInput(new DateOnly(2026, 3, 5)), Ct);

        // The acknowledgement carried the R.112-5 mentions: the claimant's 2 months run from the implicit rejection (CRPA L.112-6).
        Assert.True(((IndemnityClaim)sent).AcknowledgementCarriedMentions);
        Assert.Contains(sent.Events, e => e.Type == CaseEventTypes.AcknowledgementSent && e.OccurredOn == new DateOnly(2026, 3, 5));
        var deadlines = await new LegalClockService(_database.Factory, _database.Clock).GetDeadlinesAsync(claim.Id, Ct);
        var court = Assert.Single(deadlines, d => d.Code == DelaySettings.ClaimCourtTimeLimit);
        Assert.Equal((new DateOnly(2026, 5, 2), new DateOnly(2026, 7, 2)), (court.StartOn, court.DueOn));
    }

    [Fact]
    public async Task An_acknowledgement_once_recorded_is_no_longer_proposed()
    {
        var claim = await _database.CreateService().CreateAsync(TestCases.IndemnityClaim(), Ct);
        Assert.Contains(await _letters.ProposeAsync(claim.Id, Ct), p => p.Letter == ClaimLetters.Acknowledgement);
        // The decision's text is typed in the panel: the proposal is ready, not missing it.
        Assert.True(Assert.Single(await _letters.ProposeAsync(claim.Id, Ct), p => p.Letter == ClaimLetters.Decision).Ready);

        await _letters.RecordSendingAsync(claim.Id, claim.ConcurrencyStamp, ClaimLetters.Acknowledgement.Code, new StepInput(new DateOnly(2026, 3, 5)), Ct);

        Assert.DoesNotContain(await _letters.ProposeAsync(claim.Id, Ct), p => p.Letter == ClaimLetters.Acknowledgement);
    }

    [Fact]
    public async Task Recording_a_complaint_s_acknowledgement_takes_its_step_and_meets_its_deadline()
    {
        var complaint = await _database.CreateService().CreateAsync(TestCases.Complaint(), Ct);

        var sent = await _letters.RecordSendingAsync(complaint.Id, complaint.ConcurrencyStamp, ComplaintLetters.Acknowledgement.Code,
            new StepInput(new DateOnly(2026, 3, 6)), Ct);

        Assert.Equal(CaseStatus.Acknowledged, sent.Status);
        var deadlines = await new LegalClockService(_database.Factory, _database.Clock).GetDeadlinesAsync(complaint.Id, Ct);
        var acknowledgement = Assert.Single(deadlines, d => d.Code == DelaySettings.ComplaintAcknowledgement);
        Assert.Equal((new DateOnly(2026, 3, 6), DeadlineState.Done), (acknowledgement.DoneOn, acknowledgement.State));
    }

    [Fact]
    public async Task An_uploaded_template_without_a_required_field_or_mention_is_refused_and_names_them()
    {
        var letter = ClaimLetters.Acknowledgement;
        var broken = Edit(LetterDocx.BuildDefault(letter), body =>
        {
            body.Descendants<SdtRun>().First(s => s.SdtProperties!.GetFirstChild<Tag>()!.Val == LetterFields.ImplicitDecisionOn.Code).Remove();
            foreach (var text in body.Descendants<Text>().Where(t => t.Text.Contains("suspend les délais de recours", StringComparison.Ordinal)))
                text.Text = text.Text.Replace("suspend les délais de recours", "n'a pas d'effet", StringComparison.Ordinal);
            body.Descendants<Paragraph>().First().Append(new SdtRun(new SdtProperties(new Tag { Val = "unknown-field" }), new SdtContentRun(new Run(new Text("x")))));
        });

        var refusal = await Assert.ThrowsAsync<CaseRuleException>(() => _manager.UploadTemplateAsync(letter.Code, "accuse.docx", broken, null, Ct));

        Assert.Contains("Champ obligatoire absent : « Date de la décision implicite » (implicit-decision-on).", refusal.Message);
        Assert.Contains("Mention obligatoire absente : l'effet suspensif de la saisine de la CCI", refusal.Message);
        Assert.Contains("Champ inconnu : « unknown-field ».", refusal.Message);
        Assert.Empty(await _letters.VersionsAsync(letter.Code, Ct));
        var notWord = await Assert.ThrowsAsync<CaseRuleException>(() => _manager.UploadTemplateAsync(letter.Code, "accuse.docx", "PK\x03\x04 no"u8.ToArray(), null, Ct));
        Assert.Contains("n'est pas un document Word (.docx) lisible", notWord.Message);
    }

    [Fact]
    public async Task Template_versions_are_kept_and_any_is_restorable()
    {
        var letter = ComplaintLetters.Acknowledgement;
        var edited = Edit(LetterDocx.BuildDefault(letter), body =>
            body.Descendants<Text>().First(t => t.Text.StartsWith("J'accuse réception", StringComparison.Ordinal)).Text = "Nous avons bien reçu votre réclamation, reçue le ");
        var complaint = await _database.CreateService().CreateAsync(TestCases.Complaint(), Ct);

        var v1 = await _manager.UploadTemplateAsync(letter.Code, "accuse-plainte.docx", edited, "Formule du service", Ct);
        var withV1 = await _letters.PrepareAsync(complaint.Id, letter.Code, null, Nothing, Ct);
        var restored = await _manager.RestoreAsync(letter.Code, 0, Ct);
        var withDefault = await _letters.PrepareAsync(complaint.Id, letter.Code, null, Nothing, Ct);

        Assert.Equal((1, 2), (v1.Version, restored.Version));
        Assert.Contains(withV1.Preview, p => p.StartsWith("Nous avons bien reçu votre réclamation", StringComparison.Ordinal));
        Assert.Contains(withDefault.Preview, p => p.StartsWith("J'accuse réception", StringComparison.Ordinal));
        var versions = await _letters.VersionsAsync(letter.Code, Ct);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal(("Retour au modèle par défaut", Manager), (versions[0].Note, versions[0].UploadedBy));
        await using var db = _database.CreateContext();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditActions.LetterTemplateChanged, Ct));
    }

    [Fact]
    public async Task A_letter_with_medical_content_waits_for_the_requester_s_capacity_to_be_proven()
    {
        var request = TestCases.AccessRequest();
        request.ProofsReceived = [];
        request.PageCount = 12;
        var stored = await _database.CreateService().CreateAsync(request, Ct);

        var draft = await _letters.PrepareAsync(stored.Id, Core.AccessRequests.AccessRequestLetters.CopiesSent.Code, null,
            new Dictionary<string, string?> { [LetterFields.DocumentsSent.Code] = "compte rendu opératoire" }, Ct);

        Assert.Contains(draft.Missing, m => m.Contains("ne peut le recevoir tant que sa qualité n'est pas établie", StringComparison.Ordinal));
        Assert.Empty(draft.Preview);
    }

    [Fact]
    public async Task An_officer_may_not_change_the_letterhead_or_a_template()
    {
        var letter = ComplaintLetters.Acknowledgement;

        var letterhead = await Assert.ThrowsAsync<CaseRuleException>(() => _letters.SaveEstablishmentAsync(DemoEstablishment.Create(), Ct));
        var template = await Assert.ThrowsAsync<CaseRuleException>(() =>
            _letters.UploadTemplateAsync(letter.Code, "accuse.docx", LetterDocx.BuildDefault(letter), null, Ct));
        var restore = await Assert.ThrowsAsync<CaseRuleException>(() => _letters.RestoreAsync(letter.Code, 0, Ct));

        Assert.Equal("Seul un responsable peut modifier l'en-tête des courriers.", letterhead.Message);
        Assert.Equal(("Seul un responsable peut changer les modèles de courrier.", template.Message), (restore.Message, template.Message));
        Assert.Empty(await _letters.VersionsAsync(letter.Code, Ct));
    }

    [Fact]
    public async Task A_letterhead_without_the_service_s_contacts_is_refused_naming_each_field()
    {
        var establishment = DemoEstablishment.Create();
        (establishment.Email, establishment.Phone, establishment.AdministrativeCourt) = ("relations.usagers", "02 40", " ");

        var refusal = await Assert.ThrowsAsync<CaseValidationException>(() => _manager.SaveEstablishmentAsync(establishment, Ct));

        Assert.Equal(
        [
            "Le courriel du service n'est pas une adresse valide (exemple : relations.usagers@ch-exemple.fr).",
            "Le téléphone du service doit compter au moins 10 chiffres (exemple : 02 40 00 12 34).",
            "Le tribunal administratif compétent est obligatoire (voies de recours, art. R.421-5 du CJA).",
        ], refusal.Errors.Select(e => e.ErrorMessage));
        Assert.Equal("tribunal administratif de Nantes", (await _letters.GetEstablishmentAsync(Ct)).AdministrativeCourt);
    }

    [Fact]
    public async Task The_convocations_name_what_is_missing_then_convene_every_active_full_and_deputy_member_audited()
    {
        var meeting = await _database.AddMeetingAsync(new DateOnly(2026, 3, 26), CduMeetingStatus.Planned,
            new AgendaItem { Title = "Examen des réclamations du premier trimestre" });
        await _database.AddAsync(
            new CduMember { FullName = "Josiane Bernard", Category = CduCategory.PatientRepresentative, Association = "UFC-Que Choisir" },
            new CduMember { FullName = "Colette Barbier", Category = CduCategory.PatientRepresentative, Association = "France Assos Santé", IsDeputy = true },
            new CduMember { FullName = "Paul Ancien", Category = CduCategory.PatientRepresentative, Association = "UFC-Que Choisir", Active = false },
            new CduMember { FullName = "Dr François Lemoine", Category = CduCategory.CmePresident });

        var (_, withoutTime) = await _letters.CheckConvocationsAsync(meeting.Id, Nothing, Ct);
        var atTwo = new Dictionary<string, string?> { [LetterFields.MeetingTime.Code] = "14 h 30" };
        var (members, problems) = await _letters.CheckConvocationsAsync(meeting.Id, atTwo, Ct);
        var content = await _letters.ConvocationsAsync(meeting.Id, atTwo, Ct);

        Assert.Equal(["« Heure de la séance » inconnu(e) : indiquez l'heure de la séance."], withoutTime);
        Assert.Equal((3, 0), (members, problems.Count));
        var text = LetterDocx.Paragraphs(content);
        Assert.Equal(3, text.Count(p => p.Contains("qui se tiendra le 26 mars 2026 à 14 h 30, Salle du conseil.", StringComparison.Ordinal)));
        Assert.Contains(text, p => p.Contains("en votre qualité de représentant(e) des usagers suppléant(e),", StringComparison.Ordinal));
        // The category's acronym stays as written (« CME »).
        Assert.Contains(text, p => p.Contains("en votre qualité de président(e) de la CME ou son représentant titulaire,", StringComparison.Ordinal));
        // Full members first, then deputies; an inactive member is not convened.
        Assert.Equal(["Dr François Lemoine", "Josiane Bernard", "Colette Barbier"],
            text.Where(p => p is "Dr François Lemoine" or "Josiane Bernard" or "Colette Barbier" or "Paul Ancien"));
        await using var db = _database.CreateContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.LetterGenerated, Ct);
        Assert.Equal("Convocation à la séance de la commission des usagers du 26/03/2026 : 3 membre(s) convoqué(s)", audit.Details);
    }

    private static byte[] Edit(byte[] document, Action<Body> change)
    {
        using var stream = new MemoryStream();
        stream.Write(document);
        using (var doc = WordprocessingDocument.Open(stream, true))
        {
            change(doc.MainDocumentPart!.Document.Body!);
            doc.MainDocumentPart.Document.Save();
        }
        return stream.ToArray();
    }
}

public sealed class SqliteLetterServiceTests : LetterServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlLetterServiceTests : LetterServiceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
