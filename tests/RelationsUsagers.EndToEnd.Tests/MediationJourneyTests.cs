using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Complaints;
using RelationsUsagers.Core.Data;
using RelationsUsagers.Core.Mediation;
using static Microsoft.Playwright.Assertions;

namespace RelationsUsagers.EndToEnd.Tests;

/// <summary>
/// A mediation in the portal from the booking to the minutes forwarded (CSP R.1112-93, R.1112-94), as the officer and as the
/// demo account « mediator » (Dr Hélène Martin of the CDU register), on a complaint of its own.
/// </summary>
public sealed class MediationJourneyTests(PortalFixture portal)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Fr(DateOnly d) => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_officer_books_next_week_the_mediator_writes_the_minutes_and_the_officer_sends_them()
    {
        // A complaint of its own (no other test reads it), referred to the medical mediator yesterday: the meeting is due
        // within 8 days (R.1112-93), by a week from today.
        Guid id;
        string reference;
        DateOnly today;
        using (var scope = portal.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            today = ParisCalendar.Today(services.GetRequiredService<TimeProvider>());
            var cases = services.GetRequiredService<CaseFileService>();
            var created = await cases.CreateAsync(new Complaint
            {
                ReceivedOn = today.AddDays(-6),
                Channel = Channel.Mail,
                Patient = new Patient { LastName = "Kerbrat", FirstName = "Maëlle", BirthDate = new DateOnly(1962, 4, 17) },
                Requester = new Party { Name = "Maëlle Kerbrat", Capacity = "la patiente" },
                Summary = "Examen cardiologique reporté trois fois sans explication ; la patiente demande à rencontrer un médecin.",
                Motives = [ComplaintMotive.MedicalCare],
                Services = ["Cardiologie"],
                MediationType = MediationType.Medical,
                MediatorName = "Dr Hélène Martin",
                MedicalDataConsentOn = today.AddDays(-2),
            }, Ct);
            var referred = await cases.TakeStepAsync(created.Id, created.ConcurrencyStamp, "refer-mediator", new StepInput(today.AddDays(-1)), ct: Ct);
            (id, reference) = (referred.Id, referred.Reference);
        }
        var meetingDay = today.AddDays(7);
        const string place = "Salle des commissions, bâtiment B";

        // The officer books the meeting for next week; the register's medical mediator is proposed.
        await using var officerContext = await portal.NewContextAsync();
        var officer = await officerContext.NewPageAsync();
        await portal.SignInAsync(officer, "officer");
        await OpenMediationTabAsync(officer, id);
        await officer.Locator("#mediation-book").ClickAsync();
        var form = officer.Locator("#mediation-form");
        await Expect(form.GetByLabel("Dr Hélène Martin (médiateur médical, titulaire, Médecine interne)")).ToBeCheckedAsync();
        await officer.Locator("#mediation-date").FillAsync(Fr(meetingDay));
        await officer.Locator("#mediation-date").PressAsync("Tab");
        // 08:30: the demo's meetings are at 10:00 and 14:30, the mediator is free.
        await officer.Locator("#mediation-time").FillAsync("08:30");
        await officer.Locator("#mediation-place").FillAsync(place);
        await PortalFixture.ShotAsync(officer, "mediation-journey-1-booking");
        await officer.Locator("#mediation-save").ClickAsync();
        var meeting = officer.Locator(".mediation-appointment");
        await Expect(meeting).ToHaveCountAsync(1);
        await Expect(meeting.Locator(".appointment-status")).ToHaveTextAsync("Prévue");
        await Expect(meeting).ToContainTextAsync($"à 08:30 (60 min) — {place}");
        await Expect(meeting).ToContainTextAsync("Dr Hélène Martin");
        await Expect(meeting.Locator(".held")).ToHaveCountAsync(0);
        await PortalFixture.ShotAsync(officer, "mediation-journey-2-booked");

        // The mediator finds it among his coming meetings, named by its reference, and opens it.
        await using var mediatorContext = await portal.NewContextAsync();
        var mediator = await mediatorContext.NewPageAsync();
        await portal.SignInAsync(mediator, "mediator");
        await mediator.GotoAsync("/mediations");
        await PortalFixture.WaitReadyAsync(mediator);
        var line = mediator.Locator("#upcoming li").Filter(new() { HasText = reference });
        await Expect(line).ToContainTextAsync($"à 08:30 · {place} · Prévue");
        await PortalFixture.ShotAsync(mediator, "mediation-journey-3-my-mediations");
        await line.GetByRole(AriaRole.Link, new() { Name = $"Ouvrir la médiation de la réclamation {reference}" }).ClickAsync();
        await Expect(mediator).ToHaveURLAsync($"{portal.BaseUrl}/mediations/{id}");
        await Expect(mediator.Locator("#case-reference")).ToHaveTextAsync(reference);
        await Expect(mediator.Locator(".mediation-appointment .appointment-status")).ToHaveTextAsync("Prévue");
        await Expect(mediator.Locator("#mediation-book")).ToHaveCountAsync(0);

        // A week goes by: the meeting's day has come (the test cannot wait for it, so the meeting is moved to yesterday).
        using (var scope = portal.Services.CreateScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(Ct);
            await db.MediationAppointments.Where(a => a.CaseFileId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Date, today.AddDays(-1)), Ct);
        }
        await OpenMediationTabAsync(officer, id);
        await officer.Locator(".mediation-appointment .held").ClickAsync();
        await Expect(officer.Locator(".mediation-appointment .appointment-status")).ToHaveTextAsync("Tenue");

        // The mediator writes the minutes, section by section, saves a draft and submits them; he cannot send them.
        await mediator.ReloadAsync();
        await PortalFixture.WaitReadyAsync(mediator);
        await Expect(mediator.Locator(".minutes-status")).ToHaveTextAsync("Brouillon");
        await Axe.AssertAccessibleAsync(mediator, "mediation-journey-4-minutes-editor");
        await mediator.Locator("#minutes-0").FillAsync("Mme Kerbrat, plaignante ; Dr Hélène Martin, médiatrice médicale");
        await mediator.Locator("#minutes-1").FillAsync("« Trois reports de mon examen, et personne pour m'expliquer pourquoi. »");
        await mediator.Locator("#minutes-2").FillAsync("Le service a expliqué les reports par la panne de l'échographe et s'en est excusé.");
        await mediator.Locator("#minutes-draft").ClickAsync();
        await Expect(mediator.GetByText("Brouillon enregistré")).ToBeVisibleAsync();
        await mediator.Locator("#minutes-6").FillAsync("Un rendez-vous prioritaire est proposé sous quinze jours.");
        await mediator.Locator("#minutes-submit").ClickAsync();
        await Expect(mediator.Locator(".minutes-status")).ToHaveTextAsync("Remis par le médiateur");
        await Expect(mediator.Locator("#minutes-approval, #minutes-send, #minutes-forward")).ToHaveCountAsync(0);
        await PortalFixture.ShotAsync(mediator, "mediation-journey-5-submitted");

        // The officer records the parties' approval, sends the minutes to the CDU president (the case's step), then forwards them.
        await OpenMediationTabAsync(officer, id);
        await Expect(officer.Locator(".minutes-status")).ToHaveTextAsync("Remis par le médiateur");
        await Expect(officer.Locator("#minutes-6")).ToHaveValueAsync("Un rendez-vous prioritaire est proposé sous quinze jours.");
        await officer.Locator("#minutes-approval").ClickAsync();
        await Expect(officer.Locator(".minutes-status")).ToHaveTextAsync(MinutesStatus.Approved.Label());
        await Expect(officer.Locator(".minutes")).ToContainTextAsync($"Approuvé par les parties le {Fr(today)}");
        await officer.Locator("#minutes-send").ClickAsync();
        await Expect(officer.Locator(".minutes-status")).ToHaveTextAsync("Transmis au président de la CDU");
        await Expect(officer.Locator("#case-status")).ToHaveTextAsync("En attente d'examen CDU");
        await officer.Locator("#minutes-forward").ClickAsync();
        await Expect(officer.Locator(".minutes-status")).ToHaveTextAsync("Adressé aux membres et au plaignant");
        await Expect(officer.Locator(".minutes")).ToContainTextAsync($"Transmis au président de la CDU le {Fr(today)}");
        await Expect(officer.Locator(".minutes")).ToContainTextAsync($"Adressé aux membres et au plaignant le {Fr(today)}");
        await Expect(officer.Locator("#minutes-draft")).ToHaveCountAsync(0);
        // The complaint has left mediation (awaiting the CDU): no new meeting is offered.
        await Expect(officer.Locator("#mediation-book")).ToHaveCountAsync(0);
        await PortalFixture.ShotAsync(officer, "mediation-journey-6-forwarded");

        await officer.GetByRole(AriaRole.Tab, new() { Name = "Chronologie" }).ClickAsync();
        foreach (var fact in new[] { "Médiateur saisi", "Rencontre de médiation", "Compte rendu transmis au président de la CDU",
                     "Compte rendu envoyé aux membres de la CDU et au plaignant" })
            await Expect(officer.Locator(".case-timeline")).ToContainTextAsync(fact);
        await PortalFixture.ShotAsync(officer, "mediation-journey-7-timeline");
    }

    private static async Task OpenMediationTabAsync(IPage page, Guid id)
    {
        await page.GotoAsync($"/dossiers/{id}");
        await PortalFixture.WaitReadyAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Médiation" }).ClickAsync();
        await Expect(page.Locator("#mediation-title")).ToBeVisibleAsync();
    }
}
