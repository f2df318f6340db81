using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Mediation;
using RelationsUsagers.Core.Security;
using RelationsUsagers.Core.Tests.Cdu;
using RelationsUsagers.Core.Tests.Mediation;
using RelationsUsagers.Web.Cases;
using RelationsUsagers.Web.Cdu;
using RelationsUsagers.Web.Exports;

namespace RelationsUsagers.Web.Tests.Cdu;

/// <summary>
/// The members' view of the next CDU meeting over the real services: pseudonymised cases, the mediation report only with
/// the patient's written consent, and nothing to link a member to a name.
/// </summary>
public sealed class MemberViewPageTests : PortalTestContext
{
    /// <summary>Every name of the seeded cases: patients, requesters, and a lawyer.</summary>
    private static readonly string[] SeededNames =
        ["Ménard", "Joseph", "Pierre Ménard", "Le Gall", "Hélène", "Arnaud Rousseau", "Rousseau", "Dupont-Aignan", "Émilie", "Bastien Dupont-Aignan"];

    private static readonly DateOnly MeetingOn = new(2026, 3, 26);

    private sealed record Seeded(CduMeeting Meeting, Complaint WithConsent, Complaint WithoutConsent, AccessRequest NotOnTheAgenda);

    public MemberViewPageTests()
    {
        SignIn("cdu", Roles.CduMember);
    }

    private CaseFileService Cases => Services.GetRequiredService<CaseFileService>();

    /// <summary>Two complaints with a mediation report (one with the patient's consent), a record request named in a free item, a published agenda.</summary>
    private async Task<Seeded> SeedAsync()
    {
        var withConsent = Drafts.Complaint("Ménard", "Joseph");
        withConsent.Summary = "M. Pierre MENARD signale que son père Joseph Ménard a attendu neuf heures aux urgences.";
        (withConsent.MediationType, withConsent.MediatorName) = (MediationType.Medical, "Dr Garnier");
        var consented = await MediateAsync(withConsent, "Rencontre avec M. Pierre Ménard ; Joseph regrette le manque d'information.", consent: true);

        var withoutConsent = Drafts.Complaint("Le Gall", "Hélène");
        withoutConsent.Patient.BirthDate = new DateOnly(1956, 4, 2);
        withoutConsent.Requester = new Party { Name = "Arnaud Rousseau", Capacity = "avocat" };
        withoutConsent.Summary = "Maître Rousseau, pour Mme LE GALL, conteste la prise en charge de sa cliente Hélène.";
        withoutConsent.Services = ["Chirurgie orthopédique"];
        withoutConsent.Motives = [ComplaintMotive.MedicalCare];
        (withoutConsent.MediationType, withoutConsent.MediatorName) = (MediationType.Medical, "Dr Garnier");
        var refused = await MediateAsync(withoutConsent, "Mme Le Gall décrit des douleurs persistantes.", consent: false);

        var request = Drafts.AccessRequest("Dupont-Aignan", "Émilie");
        request.Requester = new Party { Name = "Bastien Dupont-Aignan", Capacity = "fils de la patiente" };
        (request.RequesterCapacity, request.DeceasedMotive, request.Patient.DeathDate) =
            (RequesterCapacity.HeirOrPartner, DeceasedAccessMotive.CausesOfDeath, new DateOnly(2026, 2, 20));
        var access = (AccessRequest)await CreateCaseAsync(request);

        var meetings = Services.GetRequiredService<CduMeetingService>();
        var agenda = Services.GetRequiredService<CduAgendaService>();
        var meeting = await meetings.SaveAsync(new CduMeeting { Date = MeetingOn, Place = "Salle du conseil, bâtiment A" }, Ct);
        await agenda.AddAsync(meeting.Id,
        [
            new AgendaItem { Kind = AgendaItemKind.MediationReportAwaitingCdu, Title = $"Compte rendu de médiation — {consented.Reference}",
                CaseFileId = consented.Id, Documents = [new AgendaDocument { Name = "CR médiation Ménard.pdf" }] },
            new AgendaItem { Kind = AgendaItemKind.MediationReportAwaitingCdu, Title = $"Compte rendu de médiation — {refused.Reference}",
                CaseFileId = refused.Id, Documents = [new AgendaDocument { Name = "CR médiation Le Gall.pdf" }] },
            new AgendaItem { Kind = AgendaItemKind.FreeItem, Title = "Question de M. Bastien Dupont-Aignan",
                Text = $"Au sujet de {access.Reference} : Mme Émilie Dupont-Aignan demande à être entendue par la commission." },
        ], Ct);
        var published = await agenda.PublishAsync(meeting.Id, meeting.ConcurrencyStamp, ct: Ct);
        return new Seeded(published, (Complaint)consented, (Complaint)refused, access);
    }

    /// <summary>A complaint taken through the mediation steps by the case service (referral, meeting, report sent to the CDU).</summary>
    private async Task<CaseFile> MediateAsync(Complaint draft, string meetingNote, bool consent)
    {
        var file = await CreateCaseAsync(draft);
        file = await Cases.AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.MediatorReferred, new DateOnly(2026, 3, 11), null, Ct);
        file = await Cases.AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.MediationMeeting, new DateOnly(2026, 3, 12), meetingNote, Ct);
        file = await Cases.AddEventAsync(file.Id, file.ConcurrencyStamp, CaseEventTypes.MediationReportSent, new DateOnly(2026, 3, 13),
            "Compte rendu transmis au président de la CDU.", Ct);
        if (!consent)
            return file;
        var edit = (Complaint)CaseFileEdits.Copy(file);
        edit.MedicalDataConsentOn = new DateOnly(2026, 3, 13);
        return await Cases.UpdateAsync(edit, Ct);
    }

    private IRenderedComponent<MemberViewPage> RenderPage()
    {
        var page = Render<MemberViewPage>();
        page.WaitForAssertion(() => Assert.True(page.FindAll(".member-view-item").Count > 0 || page.FindAll("#member-view-empty").Count > 0));
        return page;
    }

    private static AngleSharp.Dom.IElement CardOf(IRenderedComponent<MemberViewPage> page, string reference) =>
        page.FindAll("section.member-view-case").Single(s => s.QuerySelector("h3")!.TextContent.Contains(reference, StringComparison.Ordinal));

    [Fact]
    public async Task Shows_the_published_agenda_in_order_with_each_case_pseudonymised()
    {
        var s = await SeedAsync();

        var page = RenderPage();

        Assert.Contains("jeudi 26 mars 2026", page.Find("#member-view-meeting").TextContent, StringComparison.Ordinal);
        Assert.Contains("Salle du conseil, bâtiment A", page.Find("#member-view-meeting").TextContent, StringComparison.Ordinal);
        var titles = page.FindAll(".member-view-item h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(
            [$"Compte rendu de médiation — {s.WithConsent.Reference}", $"Compte rendu de médiation — {s.WithoutConsent.Reference}", "Question de M. B. D.-A."],
            titles);
        var card = CardOf(page, s.WithoutConsent.Reference);
        Assert.Equal("H. L., né(e) en 1956", card.QuerySelector("[data-testid=member-view-patient]")!.TextContent.Trim());
        Assert.Contains("Chirurgie orthopédique", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Prise en charge médicale", card.TextContent, StringComparison.Ordinal);
        Assert.Contains("Reçu le 10/03/2026", card.TextContent, StringComparison.Ordinal);
        Assert.Equal("Maître R., pour Mme L. G., conteste la prise en charge de sa cliente H.",
            card.QuerySelector("[data-testid=member-view-summary]")!.TextContent.Trim());
        Assert.Empty(page.FindAll("#member-view-preview"));
    }

    [Fact]
    public async Task No_name_of_a_seeded_patient_or_requester_appears_in_the_markup()
    {
        await SeedAsync();

        var page = RenderPage();

        var markup = TextSearch.Normalize(page.Markup);
        Assert.All(SeededNames, name => Assert.DoesNotContain(TextSearch.Normalize(name), markup, StringComparison.Ordinal));
        // The names are in the database: the check above is not empty.
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(3, await db.CaseFiles.CountAsync(c => SeededNames.Contains(c.Patient.LastName), Ct));
    }

    /// <summary>
    /// Every attempt of the leak corpus (Core.Tests/Cdu/pseudonymisation-corpus.tsv) as a free item and a document name of
    /// a published agenda, the corpus's people as the database's patients and requesters, no case cited: none of the
    /// personal fragments is in the members' page.
    /// </summary>
    [Fact]
    public async Task No_personal_fragment_of_the_leak_corpus_appears_in_the_markup_of_a_published_agenda()
    {
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct))
        {
            var n = 0;
            foreach (var (first, last, birthDate, number) in PseudonymisationCorpus.Patients)
            {
                db.CaseFiles.Add(new Complaint
                {
                    Reference = $"PLT-2025-{++n:D5}", ReceivedOn = new DateOnly(2025, 6, 2),
                    Patient = new Patient { FirstName = first, LastName = last, BirthDate = birthDate, PatientNumber = number },
                    Requester = new Party { Name = $"{first} {last}" },
                });
            }
            foreach (var named in PseudonymisationCorpus.Named)
            {
                db.CaseFiles.Add(new AccessRequest
                {
                    Reference = $"DAD-2025-{++n:D5}", ReceivedOn = new DateOnly(2025, 6, 2),
                    Patient = new Patient { FirstName = "Kevin", LastName = "Perrin" }, Requester = new Party { Name = named },
                });
            }
            await db.SaveChangesAsync(Ct);
        }
        var attempts = PseudonymisationCorpus.Attempts();
        var agenda = Services.GetRequiredService<CduAgendaService>();
        var meeting = await Services.GetRequiredService<CduMeetingService>().SaveAsync(new CduMeeting { Date = MeetingOn, Place = "Salle du conseil" }, Ct);
        await agenda.AddAsync(meeting.Id, attempts.Select(a => new AgendaItem
        {
            Kind = AgendaItemKind.FreeItem, Title = $"Ligne {a.Line}", Text = a.Input, Documents = [new AgendaDocument { Name = a.Input }],
        }), Ct);
        var check = await Services.GetRequiredService<CduPublicationCheckService>().CheckAsync(meeting.Id, Ct);
        await agenda.PublishAsync(meeting.Id, meeting.ConcurrencyStamp, confirmedCheck: check!.Fingerprint, ct: Ct);

        var page = RenderPage();

        var items = page.FindAll(".member-view-item");
        Assert.Equal(attempts.Count, items.Count);
        var leaks = attempts.Zip(items, (attempt, item) => PseudonymisationCorpus.LeaksIn(WebUtility.HtmlDecode(item.OuterHtml), attempt)
            .Select(leak => $"{attempt}: {leak}")).SelectMany(l => l).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public async Task The_mediation_report_is_shown_only_for_the_case_with_the_patients_written_consent()
    {
        var s = await SeedAsync();

        var page = RenderPage();

        var consented = CardOf(page, s.WithConsent.Reference);
        var report = consented.QuerySelector("[data-testid=member-view-mediation-report]")!.TextContent;
        Assert.Contains("12/03/2026 — Rencontre de médiation\u00A0: Rencontre avec M. P. M. ; J. regrette le manque d'information.", report, StringComparison.Ordinal);
        // The note that only repeats the event's label is not written after it a second time.
        Assert.EndsWith("13/03/2026 — Compte rendu transmis au président de la CDU", report.Trim(), StringComparison.Ordinal);
        Assert.Null(consented.QuerySelector("[data-testid=member-view-report-withheld]"));
        var refused = CardOf(page, s.WithoutConsent.Reference);
        Assert.Null(refused.QuerySelector("[data-testid=member-view-mediation-report]"));
        Assert.Equal(CduCaseSummary.ReportWithheld, refused.QuerySelector("[data-testid=member-view-report-withheld]")!.TextContent.Trim());
        Assert.DoesNotContain("douleurs", page.Markup, StringComparison.Ordinal);
        // Documents may hold medical data too: listed only with the consent.
        var documents = page.FindAll(".member-view-item").Select(i => i.QuerySelectorAll(".member-view-documents li").Select(l => l.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(["CR médiation M.pdf"], documents[0].Where(d => d.EndsWith(".pdf", StringComparison.Ordinal)));
        Assert.DoesNotContain(documents[1], d => d.EndsWith(".pdf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_mediation_minutes_are_read_section_by_section_with_the_consent_and_said_withheld_without_it()
    {
        var s = await SeedAsync();
        var factory = Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await factory.AddMinutesAsync(s.WithConsent.Id, new DateOnly(2026, 3, 12), MinutesStatus.Forwarded,
            "M. Pierre Ménard, fils du patient", "« Mon père Joseph a attendu neuf heures. »", ct: Ct);
        await factory.AddMinutesAsync(s.WithoutConsent.Id, new DateOnly(2026, 3, 12), MinutesStatus.Forwarded,
            "Mme Hélène Le Gall, patiente", "« Mes douleurs n'ont jamais été prises au sérieux. »", ct: Ct);

        var page = RenderPage();

        var consented = CardOf(page, s.WithConsent.Reference);
        var minutes = consented.QuerySelector("[data-testid=member-view-minutes]")!;
        Assert.Equal("Compte rendu de la rencontre du 12/03/2026, transmis au président le 14/03/2026", minutes.QuerySelector("h4")!.TextContent.Trim());
        Assert.Equal(["Personnes présentes et qualité", "Griefs exprimés par le plaignant"], minutes.QuerySelectorAll("dt").Select(d => d.TextContent.Trim()));
        Assert.Equal(["M. P. M., fils du patient", "« Mon père J. a attendu neuf heures. »"], minutes.QuerySelectorAll("dd").Select(d => d.TextContent.Trim()));
        Assert.Null(consented.QuerySelector("[data-testid=member-view-report-withheld]"));
        var refused = CardOf(page, s.WithoutConsent.Reference);
        Assert.Null(refused.QuerySelector("[data-testid=member-view-minutes]"));
        Assert.Equal(CduCaseSummary.ReportWithheld, refused.QuerySelector("[data-testid=member-view-report-withheld]")!.TextContent.Trim());
        Assert.DoesNotContain("douleurs", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Minutes_alone_without_the_consent_are_said_withheld()
    {
        // No timeline report: only the minutes sent tell that something is withheld.
        var draft = Drafts.Complaint("Le Gall", "Hélène");
        (draft.MediationType, draft.MediatorName) = (MediationType.Medical, "Dr Garnier");
        var file = await CreateCaseAsync(draft);
        await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().AddMinutesAsync(file.Id, new DateOnly(2026, 3, 12), MinutesStatus.SentToPresident,
            "Mme Hélène Le Gall, patiente", "« Mes douleurs n'ont jamais été prises au sérieux. »", ct: Ct);
        var meeting = await Services.GetRequiredService<CduMeetingService>().SaveAsync(new CduMeeting { Date = MeetingOn, Place = "Salle du conseil" }, Ct);
        var agenda = Services.GetRequiredService<CduAgendaService>();
        await agenda.AddAsync(meeting.Id, [new AgendaItem { Kind = AgendaItemKind.MediationReportAwaitingCdu, Title = "Compte rendu de médiation", CaseFileId = file.Id }], Ct);
        var check = await Services.GetRequiredService<CduPublicationCheckService>().CheckAsync(meeting.Id, Ct);
        await agenda.PublishAsync(meeting.Id, meeting.ConcurrencyStamp, confirmedCheck: check!.Fingerprint, ct: Ct);

        var page = RenderPage();

        var card = CardOf(page, file.Reference);
        Assert.Equal(CduCaseSummary.ReportWithheld, card.QuerySelector("[data-testid=member-view-report-withheld]")!.TextContent.Trim());
        Assert.Null(card.QuerySelector("[data-testid=member-view-minutes]"));
        Assert.DoesNotContain("douleurs", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_case_shown_is_audited_once_for_the_member()
    {
        var s = await SeedAsync();

        RenderPage();

        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
        var lines = await db.AuditEntries.Where(a => a.Action == CduMemberViewService.AuditAction).ToListAsync(Ct);
        Assert.Equal([s.WithConsent.Id, s.WithoutConsent.Id], lines.Select(l => l.CaseFileId!.Value).Order());
        Assert.DoesNotContain(lines, l => l.CaseFileId == s.NotOnTheAgenda.Id);
    }

    [Fact]
    public async Task Without_a_published_agenda_the_page_says_so()
    {
        // A planned meeting whose agenda is not published yet stays hidden.
        await Services.GetRequiredService<CduMeetingService>().SaveAsync(new CduMeeting { Date = MeetingOn, Place = "Salle du conseil" }, Ct);

        var page = RenderPage();

        Assert.Equal("Aucun ordre du jour n'est publié pour le moment.", page.Find("#member-view-empty").TextContent.Trim());
        Assert.Empty(page.FindAll("#member-view-print"));
    }

    [Fact]
    public async Task The_officer_sees_the_same_agenda_as_a_preview_with_a_plain_print_button()
    {
        var s = await SeedAsync();
        SignIn("officer", Roles.Officer);

        var page = RenderPage();

        Assert.NotNull(page.Find("#member-view-preview"));
        Assert.Equal(3, page.FindAll(".member-view-item").Count);
        Assert.NotNull(CardOf(page, s.WithConsent.Reference));
        var print = page.Find("#member-view-print");
        // Wired by js/actions.js: an inline onclick is blocked by the Content-Security-Policy.
        Assert.Equal("print", print.GetAttribute("data-action"));
        Assert.Null(print.GetAttribute("onclick"));
        Assert.Equal("button", print.GetAttribute("type"));
    }

    [Fact]
    public void Members_read_the_agenda_but_can_open_neither_case_pages_nor_exports()
    {
        Assert.Equal(Permissions.CduRead, typeof(MemberViewPage).GetCustomAttribute<AuthorizeAttribute>()!.Policy);
        Assert.Equal(Permissions.CasesWork, typeof(CaseFilePage).GetCustomAttribute<AuthorizeAttribute>()!.Policy);
        Assert.Equal(Permissions.Export, typeof(ExportsPage).GetCustomAttribute<AuthorizeAttribute>()!.Policy);
        Assert.True(Permissions.Allows(Permissions.CduRead, [Roles.CduMember]));
        Assert.False(Permissions.Allows(Permissions.CasesWork, [Roles.CduMember]));
        Assert.False(Permissions.Allows(Permissions.Export, [Roles.CduMember]));
        Assert.False(Permissions.Allows(Permissions.CduManage, [Roles.CduMember]));
        // The page injects the members' view only: no service that hands out a case file.
        var injected = typeof(MemberViewPage).GetProperties(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null).Select(p => p.PropertyType).ToList();
        Assert.Equal([typeof(CduMemberViewService)], injected);
    }
}
