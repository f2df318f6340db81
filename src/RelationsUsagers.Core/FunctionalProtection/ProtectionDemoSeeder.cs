using Microsoft.EntityFrameworkCore;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Clock;
using RelationsUsagers.Core.Data;

namespace RelationsUsagers.Core.FunctionalProtection;

/// <summary>
/// A few protection fonctionnelle files for the demo, one per stage: a request just received, one being investigated, one
/// granted with its measures and invoices, one granted in part to the agent and his spouse, an implicit rejection whose
/// reasons the agent asked for (the director involved), a reasoned refusal, a protection ended and a request withdrawn.
/// Its own fixed data, apart from the other kinds' generator, whose random sequence it leaves alone. Each stage is reached
/// through the kind's steps.
/// </summary>
public static class ProtectionDemoSeeder
{
    public static async Task<int> SeedAsync(IDbContextFactory<AppDbContext> factory, TimeProvider time, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        if (await db.CaseFiles.IgnoreQueryFilters().AnyAsync(c => c.Kind == CaseKind.FunctionalProtection, ct))
            return 0;
        var today = ParisCalendar.Today(time);
        var clock = await LegalClockService.LoadClockAsync(db, ct);
        var files = Build(today);
        // One transaction: the references are reserved with the cases that take them.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var file in files)
        {
            file.Reference = await ReferenceAllocator.NextAsync(db, file.Kind, file.ReceivedOn.Year, ct);
            Queue.QueueColumns.Refresh(file, clock.Compute(file, [], today), clock);
            db.CaseFiles.Add(file);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return files.Count;
    }

    /// <summary>The demo files as of <paramref name="today"/>, each brought to its stage through the kind's steps; no reference yet.</summary>
    public static IReadOnlyList<ProtectionCase> Build(DateOnly today)
    {
        var kind = CaseKinds.Of(CaseKind.FunctionalProtection);
        var files = new List<ProtectionCase>();
        foreach (var (file, steps) in Files(today))
        {
            file.Events.Add(new CaseEvent { CaseFileId = file.Id, Type = CaseEventTypes.Received, OccurredOn = file.ReceivedOn });
            foreach (var (code, on, text) in steps)
                CaseSteps.Apply(file, kind.Step(code)!, new StepInput(on, text));
            files.Add(file);
        }
        return files;
    }

    private static ProtectionCase Agent(DateOnly received, string last, string first, string grade, string service, AgentStatus status,
        FactsType facts, int factsDaysBefore, string place, string assignedTo = "manager") => new()
    {
        ReceivedOn = received, Channel = Channel.Mail, AssignedTo = assignedTo,
        Patient = new Patient { LastName = last, FirstName = first },
        Requester = new Party { Name = $"{first} {last}", Capacity = "L'agent lui-même" },
        AgentGrade = grade, AgentService = service, AgentStatus = status, FactsType = facts,
        FactsOn = received.AddDays(-factsDaysBefore), FactsPlace = place, Services = [service],
        Beneficiaries = [new ProtectionBeneficiary { Kind = BeneficiaryKind.Agent }],
    };

    private static IEnumerable<(ProtectionCase File, (string Step, DateOnly On, string? Text)[] Steps)> Files(DateOnly today)
    {
        var received = Agent(today.AddDays(-6), "Perrot", "Amandine", "Infirmière en soins généraux", "Urgences", AgentStatus.Titulaire,
            FactsType.Violence, 3, "Box 4 des Urgences adultes");
        (received.AuthorKnown, received.PoliceComplaintOn, received.PoliceComplaintNumber) = (true, today.AddDays(-8), "PV 2026/004518");
        received.Summary = "Agressée physiquement par un patient alcoolisé lors de sa prise en charge ; ITT de 3 jours. Demande la protection et la prise en charge de ses frais d'avocat.";
        yield return (received, []);

        var investigated = Agent(today.AddDays(-35), "Benoit", "Karim", "Aide-soignant", "Psychiatrie adulte", AgentStatus.Contractuel,
            FactsType.Threats, 5, "Unité fermée, secteur 2");
        investigated.Summary = "Menaces de mort répétées d'un proche de patient, par téléphone puis à l'accueil de l'unité.";
        yield return (investigated, [("investigate", today.AddDays(-30), "Rapport du cadre de santé demandé")]);

        var granted = Agent(today.AddDays(-150), "Lemaire", "Sophie", "Sage-femme", "Maternité", AgentStatus.Titulaire,
            FactsType.Violence, 10, "Salle de naissance n° 3");
        (granted.AuthorKnown, granted.PoliceComplaintOn, granted.PoliceComplaintNumber) = (true, today.AddDays(-159), "PV 2026/001207");
        granted.Summary = "Violences d'un conjoint de parturiente ; l'agent se constitue partie civile.";
        granted.Measures =
        [
            new ProtectionMeasure { Kind = MeasureKind.LegalCosts, GrantedOn = today.AddDays(-120) },
            new ProtectionMeasure { Kind = MeasureKind.FeeAgreement, GrantedOn = today.AddDays(-118), Lawyer = "Me Hélène Garnier", CeilingCents = 2_500_00, Details = "Forfait par instance" },
            new ProtectionMeasure { Kind = MeasureKind.PsychologicalSupport, GrantedOn = today.AddDays(-120) },
        ];
        granted.Costs =
        [
            new ProtectionCost { InvoiceNumber = "HG-2026-031", PaidOn = today.AddDays(-75), AmountCents = 840_00, Lawyer = "Me Hélène Garnier" },
            new ProtectionCost { InvoiceNumber = "HG-2026-058", PaidOn = today.AddDays(-20), AmountCents = 1_250_50, Lawyer = "Me Hélène Garnier" },
        ];
        yield return (granted, [("investigate", today.AddDays(-140), null), ("grant", today.AddDays(-120), "Frais de procédure, avocat choisi, soutien psychologique")]);

        var partial = Agent(today.AddDays(-90), "Nguyen", "Thierry", "Brancardier", "Bloc opératoire", AgentStatus.Titulaire,
            FactsType.Defamation, 20, "Réseaux sociaux");
        partial.Beneficiaries.Add(new ProtectionBeneficiary { Kind = BeneficiaryKind.Spouse, Name = "Linh Nguyen" });
        partial.Summary = "Propos diffamatoires publiés en ligne visant l'agent et son épouse.";
        partial.Measures = [new ProtectionMeasure { Kind = MeasureKind.LegalCosts, GrantedOn = today.AddDays(-50) }];
        yield return (partial, [("grant-in-part", today.AddDays(-50), "Changement d'affectation refusé : aucun poste vacant compatible ; frais de procédure accordés")]);

        // The director is the one the agent accuses: another authority rules (impartiality); silence for 2 months, then reasons asked.
        var silent = Agent(today.AddDays(-75), "Roussel", "Claire", "Attachée d'administration", "Direction des achats", AgentStatus.Titulaire,
            FactsType.Harassment, 30, "Bureaux de la direction");
        (silent.DirectorInvolved, silent.DecisionMaker) = (true, "Directeur général de l'ARS");
        silent.Summary = "Harcèlement moral allégué de la part de la direction ; la demande met en cause le directeur.";
        yield return (silent, [("reasons-requested", today.AddDays(-10), null)]);

        var refused = Agent(today.AddDays(-200), "Fabre", "Julien", "Technicien hospitalier", "Services techniques", AgentStatus.Stagiaire,
            FactsType.Insults, 2, "Parking du personnel", assignedTo: "officer");
        refused.Summary = "Altercation entre agents sur le parking, hors service.";
        yield return (refused, [("refuse", today.AddDays(-170), "Faits sans lien avec l'exercice des fonctions (altercation privée hors service)")]);

        var ended = Agent(today.AddDays(-400), "Marchand", "Éric", "Praticien hospitalier", "Anesthésie-réanimation", AgentStatus.FormerAgent,
            FactsType.Other, 40, "Bloc opératoire");
        ended.Ground = ProtectionGround.ProsecutedAgent;
        ended.Summary = "Agent entendu en audition libre puis poursuivi pour blessures involontaires ; relaxé.";
        ended.Measures = [new ProtectionMeasure { Kind = MeasureKind.ChoiceOfLawyer, GrantedOn = today.AddDays(-380), Lawyer = "Me Paul Besson" }];
        ended.Costs = [new ProtectionCost { InvoiceNumber = "PB-118", PaidOn = today.AddDays(-100), AmountCents = 3_600_00, Lawyer = "Me Paul Besson" }];
        yield return (ended, [("grant", today.AddDays(-380), null), ("end", today.AddDays(-60), "Relaxe définitive")]);

        var withdrawn = Agent(today.AddDays(-45), "Colin", "Nadia", "Secrétaire médicale", "Consultations externes", AgentStatus.Contractuel,
            FactsType.Insults, 1, "Accueil des consultations", assignedTo: "officer");
        withdrawn.Summary = "Injures d'un patient au guichet ; l'agent a retiré sa demande après les excuses écrites du patient.";
        yield return (withdrawn, [("abandon", today.AddDays(-20), "Demande retirée par l'agent")]);
    }
}
