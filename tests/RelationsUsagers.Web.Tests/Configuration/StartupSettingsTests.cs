using Microsoft.Extensions.Configuration;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.AccessRequests.Tracking;

namespace RelationsUsagers.Web.Tests.Configuration;

/// <summary>The office's rule settings read from configuration (appsettings, command line, environment).</summary>
public sealed class StartupSettingsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Defaults_are_the_crpa_scale_and_the_complete_request()
    {
        var settings = StartupOptions.Settings(Config());

        Assert.Equal((new CopyFeeSchedule(18, 275), OnTimeFrom.CompleteRequest), (settings.CopyFees, settings.OnTimeFrom));
    }

    [Fact]
    public void Prices_in_euros_and_the_start_of_the_delay_are_read()
    {
        var settings = StartupOptions.Settings(Config(("CopyFees:PagePrice", "0.10"), ("CopyFees:DiscPrice", "3"), ("Exports:OnTimeFrom", "Receipt")));

        Assert.Equal((new CopyFeeSchedule(10, 300), OnTimeFrom.Receipt), (settings.CopyFees, settings.OnTimeFrom));
    }

    [Fact]
    public void A_negative_price_stops_the_start_with_a_french_message()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StartupOptions.Settings(Config(("CopyFees:PagePrice", "-0.18"))));

        Assert.Equal("CopyFees:PagePrice et CopyFees:DiscPrice ne peuvent pas être négatifs.", error.Message);
    }
}
