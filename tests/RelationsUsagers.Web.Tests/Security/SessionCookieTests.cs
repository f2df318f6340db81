using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RelationsUsagers.Web.Security;

namespace RelationsUsagers.Web.Tests.Security;

/// <summary>
/// The session cookie follows the same limits as the open circuit: it lapses after 30 minutes without a request, is renewed
/// by the open page's activity reports (js/session.js posts them), and ends 10 hours after sign-in however active.
/// </summary>
[Collection(nameof(PortalHostCollection))]
public sealed class SessionCookieTests : IAsyncDisposable
{
    // The cookie jar of the test client reads the real clock: the fake one starts now.
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly TestPortal portal;

    public SessionCookieTests() => portal = new TestPortal(
        // Checked against the accounts once an hour only: the renewals seen here are the activity reports' own.
        new Dictionary<string, string>
        {
            ["Sessions:IdleTimeout"] = "00:30:00", ["Sessions:Lifetime"] = "10:00:00", ["Sessions:RevalidationInterval"] = "01:00:00",
        },
        b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => portal.DisposeAsync();

    [Fact]
    public async Task Thirty_one_minutes_without_a_request_send_back_to_sign_in()
    {
        var client = await portal.SignedInClientAsync("officer");
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.True(await CanOpenQueueAsync(client));

        clock.Advance(TimeSpan.FromMinutes(31));

        Assert.False(await CanOpenQueueAsync(client));
    }

    [Fact]
    public async Task An_activity_report_renews_the_cookie_for_another_thirty_minutes()
    {
        var client = await portal.SignedInClientAsync("officer");
        // Before half the cookie's life, when a plain request would not renew it.
        clock.Advance(TimeSpan.FromMinutes(10));

        using (var report = await client.PostAsync(AccountEndpoints.ActivityPath, null, Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, report.StatusCode);
            Assert.Contains(report.Headers.GetValues("Set-Cookie"), c => c.StartsWith("RelationsUsagers.Auth=", StringComparison.Ordinal));
        }
        clock.Advance(TimeSpan.FromMinutes(25)); // 35 minutes after sign-in, 25 after the report

        Assert.True(await CanOpenQueueAsync(client));
    }

    [Fact]
    public async Task Ten_hours_after_sign_in_the_session_ends_however_active()
    {
        var client = await portal.SignedInClientAsync("officer");
        // A report every 20 minutes for 9 h 40: the cookie is renewed (and its principal refreshed) each time.
        for (var i = 0; i < 29; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            using var report = await client.PostAsync(AccountEndpoints.ActivityPath, null, Ct);
            Assert.Equal(HttpStatusCode.NoContent, report.StatusCode);
        }
        Assert.True(await CanOpenQueueAsync(client));

        clock.Advance(TimeSpan.FromMinutes(21)); // 10 h 01 after sign-in

        Assert.False(await CanOpenQueueAsync(client));
        using var late = await client.PostAsync(AccountEndpoints.ActivityPath, null, Ct);
        Assert.NotEqual(HttpStatusCode.NoContent, late.StatusCode);
    }

    private static async Task<bool> CanOpenQueueAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/", Ct);
        return response.StatusCode == HttpStatusCode.OK;
    }
}
