using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Documents;
using RelationsUsagers.Core.Letters;
using RelationsUsagers.Core.Requisitions;

namespace RelationsUsagers.Core.Tests.Requisitions;

/// <summary>
/// Requisitions in full, through the service: every medical item decided by a named reviewer, dated and reasoned before
/// the answer (CPP 60-1 al.2, 56-3; CSP L.1110-4); the seizure of CPP 56-3 recorded only once its record is complete;
/// hearings and the insurer's legal cell on the timeline; the answer letter naming what leaves and what stays, and why.
/// Received on 2 March 2026, today 15 March 2026.
/// </summary>
public abstract class RequisitionsInFullTests : IAsyncLifetime
{
    protected abstract DatabaseProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static DateOnly D(int month, int day) => new(2026, month, day);

    private readonly string _storageRoot = Path.Combine(Path.GetTempPath(), "relations-usagers-tests", "requisitions-" + Guid.NewGuid().ToString("N"));
    private TestDatabase _database = null!;
    private CaseFileService _service = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, Ct);
        _service = _database.CreateService();
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(_storageRoot))
            Directory.Delete(_storageRoot, recursive: true);
    }

    /// <summary>The police ask for admission times (administrative), the emergency report and the X-rays (medical).</summary>
    private static Requisition WithTwoMedicalItems()
    {
        var draft = TestCases.Requisition();
        draft.Items.Add(new RequisitionItem { Description = "Compte rendu des urgences", Nature = RequisitionItemNature.Medical });
        draft.Items.Add(new RequisitionItem { Description = "Radiographies du poignet", Nature = RequisitionItemNature.Medical });
        return draft;
    }

    private async Task<Requisition> OpenAsync(Guid id) => (Requisition)(await _service.OpenAsync(id, Ct))!;

    private async Task<Requisition> StoredAsync(Guid id)
    {
        await using var db = _database.CreateContext();
        return await db.Requisitions.AsNoTracking().Include(r => r.Events).SingleAsync(r => r.Id == id, Ct);
    }

    private static void Decide(RequisitionItem item, SecrecyDecision decision, string? by, DateOnly? on, string? reason) =>
        (item.Secrecy, item.ReviewedBy, item.ReviewedOn, item.SecrecyReason) = (decision, by, on, reason);

    [Fact]
    public async Task The_answer_is_refused_naming_each_medical_item_without_its_decision_then_each_decision_missing_its_reviewer_date_or_reason()
    {
        var file = await _service.CreateAsync(WithTwoMedicalItems(), Ct);

        var undecided = await Assert.ThrowsAsync<CaseRuleException>(() =>
            _service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-items", new StepInput(D(3, 10)), ct: Ct));
        Assert.StartsWith("Décision sur le secret médical manquante pour : « Compte rendu des urgences », « Radiographies du poignet » (art. 60-1 et 56-3 CPP",
            undecided.Message, StringComparison.Ordinal);

        // Decided, but the first decision names no reviewer nor reason, the second has no date.
        var edited = await OpenAsync(file.Id);
        Decide(edited.Items[1], SecrecyDecision.Withheld, " ", D(3, 9), null);
        Decide(edited.Items[2], SecrecyDecision.SeizureRequired, "Dr Hamon (DIM)", null, "Contenu médical : saisie en présence de l'Ordre.");
        var incomplete = await Assert.ThrowsAsync<CaseRuleException>(() =>
            _service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-items", new StepInput(D(3, 10)), edited, Ct));
        Assert.Equal("Examen du secret médical incomplet pour : « Compte rendu des urgences » (décision prise par, motif de la décision), " +
                     "« Radiographies du poignet » (date de la décision). Chaque décision sur un élément médical porte le nom de son auteur, sa " +
                     "date et son motif (art. L.1110-4 CSP).", incomplete.Message);
        Assert.Equal(CaseStatus.Received, (await StoredAsync(file.Id)).Status);

        Decide(edited.Items[1], SecrecyDecision.Withheld, "Dr Hamon (DIM)", D(3, 9), "Le patient refuse la communication.");
        Decide(edited.Items[2], SecrecyDecision.SeizureRequired, "Dr Hamon (DIM)", D(3, 9), "Contenu médical : saisie en présence de l'Ordre.");
        await _service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-items", new StepInput(D(3, 10)), edited, Ct);

        var stored = await StoredAsync(file.Id);
        Assert.Equal((CaseStatus.Answered, D(3, 10)), (stored.Status, stored.ResponseSentOn));
        Assert.Equal([(null, null, null), ("Dr Hamon (DIM)", D(3, 9), "Le patient refuse la communication."),
                      ("Dr Hamon (DIM)", D(3, 9), "Contenu médical : saisie en présence de l'Ordre.")],
            stored.Items.Select(i => (i.ReviewedBy, i.ReviewedOn, i.SecrecyReason)));
    }

    [Fact]
    public async Task A_decision_dated_in_the_future_or_before_the_requisition_is_refused_at_the_field()
    {
        var file = await _service.CreateAsync(WithTwoMedicalItems(), Ct);
        var edited = await OpenAsync(file.Id);
        Decide(edited.Items[1], SecrecyDecision.Withheld, "Dr Hamon (DIM)", D(3, 16), "Secret médical.");
        Decide(edited.Items[2], SecrecyDecision.Withheld, "Dr Hamon (DIM)", D(3, 1), "Secret médical.");

        var refused = await Assert.ThrowsAsync<CaseValidationException>(() => _service.UpdateAsync(edited, Ct));

        Assert.Equal([("Items[1]", "La date de la décision ne peut pas être dans le futur."), ("Items[2]", "La date de la décision ne peut pas précéder la date de réception.")],
            refused.Errors.Select(e => (e.PropertyName, e.ErrorMessage)));
    }

    [Fact]
    public async Task The_seizure_is_not_recorded_as_done_while_its_record_lacks_a_piece_and_each_missing_piece_is_named()
    {
        var file = await _service.CreateAsync(WithTwoMedicalItems(), Ct);

        var empty = await Assert.ThrowsAsync<CaseRuleException>(() =>
            _service.TakeStepAsync(file.Id, file.ConcurrencyStamp, RequisitionKind.SeizureStep, new StepInput(D(3, 11)), ct: Ct));

        Assert.Equal("La saisie ne peut pas être enregistrée comme effectuée (art. 56-3 CPP) : la fiche de saisie est incomplète. Manque : " +
                     "« Lieu de la saisie », « Magistrat présent à la saisie », « Juridiction du magistrat présent », « OPJ présent à la saisie », " +
                     "« Représentant de l'Ordre des médecins », « Chef de service présent », « Services prévenus » (au moins un service, la " +
                     "personne prévenue et la date), « Pièces saisies », « N° de scellés », « Copie conservée pour la continuité des soins » " +
                     "(oui ou non), « Procès-verbal de saisie reçu » (oui ou non).", empty.Message);
        var stored = await StoredAsync(file.Id);
        Assert.Null(stored.SeizureOn);
        Assert.DoesNotContain(stored.Events, e => e.Type == CaseEventTypes.RecordSeized);
    }

    public static TheoryData<string, string> OnePieceMissing => new()
    {
        { nameof(Requisition.SeizurePlace), "« Lieu de la saisie »" },
        { nameof(Requisition.SeizureMagistrate), "« Magistrat présent à la saisie »" },
        { nameof(Requisition.SeizureJurisdiction), "« Juridiction du magistrat présent »" },
        { nameof(Requisition.SeizureOfficer), "« OPJ présent à la saisie »" },
        { nameof(Requisition.OrdreRepresentative), "« Représentant de l'Ordre des médecins »" },
        { nameof(Requisition.HeadOfDepartmentPresent), "« Chef de service présent »" },
        { nameof(Requisition.SeizedItems), "« Pièces saisies »" },
        { nameof(Requisition.SealNumbers), "« N° de scellés »" },
        { nameof(Requisition.SeizureCopyKept), "« Copie conservée pour la continuité des soins » (oui ou non)" },
        { nameof(Requisition.SeizureMinutesReceived), "« Procès-verbal de saisie reçu » (oui ou non)" },
        { "ServicesTold.Person", "« Personne prévenue » pour le service « Urgences »" },
        { "ServicesTold.ToldOn", "« Date de l'information du service » pour le service « Urgences »" },
    };

    [Theory]
    [MemberData(nameof(OnePieceMissing))]
    public async Task Each_piece_of_the_seizure_record_missing_alone_is_named(string property, string named)
    {
        var draft = TestCases.WithCompleteSeizure(WithTwoMedicalItems());
        switch (property)
        {
            case "ServicesTold.Person": draft.ServicesTold[0].Person = null; break;
            case "ServicesTold.ToldOn": draft.ServicesTold[0].ToldOn = null; break;
            default: typeof(Requisition).GetProperty(property)!.SetValue(draft, null); break;
        }
        var file = await _service.CreateAsync(draft, Ct);

        var refused = await Assert.ThrowsAsync<CaseRuleException>(() =>
            _service.TakeStepAsync(file.Id, file.ConcurrencyStamp, RequisitionKind.SeizureStep, new StepInput(D(3, 11)), ct: Ct));

        Assert.EndsWith($"Manque : {named}.", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Once_the_record_is_complete_the_seizure_is_recorded_with_its_date_after_the_answer_and_the_case_waits_no_more()
    {
        var draft = WithTwoMedicalItems();
        foreach (var item in draft.Items.Skip(1))
            Decide(item, SecrecyDecision.SeizureRequired, "Dr Hamon (DIM)", D(3, 4), "Remis uniquement sur saisie.");
        draft.Response = RequisitionResponse.SeizureOrganised;
        var file = await _service.CreateAsync(draft, Ct);
        file = await _service.TakeStepAsync(file.Id, file.ConcurrencyStamp, "send-items", new StepInput(D(3, 5)), ct: Ct);
        file = await _service.UpdateAsync(TestCases.WithCompleteSeizure(await OpenAsync(file.Id)), Ct);

        await _service.TakeStepAsync(file.Id, file.ConcurrencyStamp, RequisitionKind.SeizureStep, new StepInput(D(3, 11), "Deux scellés remis au magistrat."), ct: Ct);

        var stored = await StoredAsync(file.Id);
        Assert.Equal((CaseStatus.Answered, D(3, 11)), (stored.Status, stored.SeizureOn));
        var seized = Assert.Single(stored.Events, e => e.Type == CaseEventTypes.RecordSeized);
        Assert.Equal((D(3, 11), "Observations : Deux scellés remis au magistrat."), (seized.OccurredOn, seized.Note));
        Assert.Equal(("Urgences", "Mme Roux, cadre de santé", (DateOnly?)D(3, 10)),
            (stored.ServicesTold[0].Service, stored.ServicesTold[0].Person, stored.ServicesTold[0].ToldOn));
        Assert.Null(CaseKinds.Of(stored).WaitingOn(stored));
    }

    [Fact]
    public async Task A_hearing_is_a_timeline_event_with_its_date_and_who_was_heard_in_what_capacity()
    {
        var file = await _service.CreateAsync(TestCases.Requisition(), Ct);

        await _service.TakeStepAsync(file.Id, file.ConcurrencyStamp, RequisitionKind.HearingStep,
            new StepInput(D(3, 9), "Mme Léa Roux, infirmière des urgences, entendue comme témoin"), ct: Ct);

        var stored = await StoredAsync(file.Id);
        var hearing = Assert.Single(stored.Events, e => e.Type == CaseEventTypes.Hearing);
        Assert.Equal((D(3, 9), "Personne entendue et qualité (patient, agent du service…) : Mme Léa Roux, infirmière des urgences, entendue comme témoin"),
            (hearing.OccurredOn, hearing.Note));
        Assert.Equal("Audition (patient ou personnel)", CaseEventTypes.LabelOf(hearing.Type));
        Assert.Equal(CaseStatus.Received, stored.Status);
        var refused = await Assert.ThrowsAsync<CaseRuleException>(() =>
            _service.TakeStepAsync(file.Id, stored.ConcurrencyStamp, RequisitionKind.HearingStep, new StepInput(D(3, 10)), ct: Ct));
        Assert.Equal("« Personne entendue et qualité (patient, agent du service…) » est obligatoire.", refused.Message);
    }

    public static TheoryData<CaseKind> ClaimAndRequisition => new(CaseKind.IndemnityClaim, CaseKind.Requisition);

    [Theory]
    [MemberData(nameof(ClaimAndRequisition))]
    public async Task The_insurer_s_legal_cell_is_referred_to_then_answers_each_with_its_date_on_the_timeline(CaseKind kind)
    {
        var file = await _service.CreateAsync(TestCases.Of(kind), Ct);
        var early = await Assert.ThrowsAsync<CaseRuleException>(() =>
            _service.TakeStepAsync(file.Id, file.ConcurrencyStamp, InsurerLegalCell.AnswerStep, new StepInput(D(3, 6), "Position."), ct: Ct));
        Assert.Equal("Aucune saisine de la cellule juridique de l'assureur n'attend de réponse : enregistrez d'abord « Saisir la cellule " +
                     "juridique de l'assureur ».", early.Message);

        file = await _service.TakeStepAsync(file.Id, file.ConcurrencyStamp, InsurerLegalCell.ReferStep,
            new StepInput(D(3, 6), "Responsabilité de l'établissement engagée ?"), ct: Ct);
        var beforeReferral = await Assert.ThrowsAsync<CaseRuleException>(() =>
            _service.TakeStepAsync(file.Id, file.ConcurrencyStamp, InsurerLegalCell.AnswerStep, new StepInput(D(3, 5), "Position."), ct: Ct));
        Assert.Equal("La réponse de la cellule juridique ne peut pas précéder sa saisine (06/03/2026).", beforeReferral.Message);
        await _service.TakeStepAsync(file.Id, file.ConcurrencyStamp, InsurerLegalCell.AnswerStep,
            new StepInput(D(3, 12), "Transmettre les seules données administratives."), ct: Ct);

        await using var db = _database.CreateContext();
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.CaseFileId == file.Id && e.Type != CaseEventTypes.Received)
            .OrderBy(e => e.OccurredOn).Select(e => new { e.Type, e.OccurredOn, e.Note }).ToListAsync(Ct);
        Assert.Equal([(CaseEventTypes.LegalCellReferred, D(3, 6), "Question posée : Responsabilité de l'établissement engagée ?"),
                      (CaseEventTypes.LegalCellAnswered, D(3, 12), "Position de la cellule juridique : Transmettre les seules données administratives.")],
            events.Select(e => (e.Type, e.OccurredOn, e.Note)));
        Assert.Equal(CaseStatus.Received, (await db.CaseFiles.AsNoTracking().SingleAsync(c => c.Id == file.Id, Ct)).Status);
        Assert.Equal(["Cellule juridique de l'assureur saisie", "Réponse de la cellule juridique de l'assureur"],
            events.Select(e => CaseEventTypes.LabelOf(e.Type)));
    }

    [Fact]
    public async Task The_answer_letter_lists_the_items_sent_and_those_withheld_with_the_decision_and_its_reason()
    {
        var letters = new LetterService(_database.Factory, new CaseDocumentService(_database.Factory, new DocumentStorage(_storageRoot)),
            _service, _database.Clock);
        await new LetterService(_database.FactoryFor("s.benali"), new CaseDocumentService(_database.FactoryFor("s.benali"), new DocumentStorage(_storageRoot)),
            _database.CreateService("s.benali"), _database.Clock).SaveEstablishmentAsync(DemoEstablishment.Create(), Ct);
        var draft = WithTwoMedicalItems();
        draft.Items.Add(new RequisitionItem { Description = "Résultats d'alcoolémie", Nature = RequisitionItemNature.Medical });
        Decide(draft.Items[1], SecrecyDecision.Withheld, "Dr Hamon (DIM)", D(3, 4), "Le patient refuse la communication.");
        Decide(draft.Items[2], SecrecyDecision.SeizureRequired, "Dr Hamon (DIM)", D(3, 4), "Contenu médical couvert par le secret.");
        Decide(draft.Items[3], SecrecyDecision.ConsentGiven, "Dr Hamon (DIM)", D(3, 4), "Consentement écrit du patient du 03/03/2026.");
        var file = await _service.CreateAsync(draft, Ct);

        var (_, content) = await letters.GenerateAsync(file.Id, RequisitionLetters.Answer.Code, null, new Dictionary<string, string?>(), Ct);

        // A list field is one paragraph, its items on lines of their own.
        var text = LetterDocx.Paragraphs(content).SelectMany(p => p.Split('\n')).ToList();
        var sent = text.IndexOf("– Heures d'entrée et de sortie aux urgences le 28/02/2026");
        Assert.True(sent > 0, string.Join("\n", text));
        Assert.Equal("– Résultats d'alcoolémie (avec le consentement écrit du patient)", text[sent + 1]);
        var withheld = text.IndexOf("Les éléments suivants ne peuvent vous être transmis :");
        Assert.True(withheld > sent, string.Join("\n", text));
        Assert.Equal(["– Compte rendu des urgences : refusé : secret médical (motif : Le patient refuse la communication)",
                      "– Radiographies du poignet : remis uniquement sur saisie (art. 56-3 CPP) (motif : Contenu médical couvert par le secret)"],
            text.Skip(withheld + 1).Take(2));
    }
}

public sealed class SqliteRequisitionsInFullTests : RequisitionsInFullTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlRequisitionsInFullTests : RequisitionsInFullTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
