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
    public void A_price_with_a_french_decimal_comma_is_read()
    {
        Assert.Equal(new CopyFeeSchedule(18, 305), StartupOptions.Settings(Config(("CopyFees:DiscPrice", "3,05"))).CopyFees);
    }

    [Theory]
    [InlineData("CopyFees:PagePrice", "-0.18", "CopyFees:PagePrice vaut « -0.18 » : indiquez un prix positif en euros, par exemple 0.18.")]
    [InlineData("CopyFees:DiscPrice", "gratuit", "CopyFees:DiscPrice vaut « gratuit » : indiquez un prix positif en euros, par exemple 0.18.")]
    [InlineData("Exports:OnTimeFrom", "Complétude", "Exports:OnTimeFrom vaut « Complétude » : indiquez CompleteRequest ou Receipt.")]
    public void A_bad_setting_stops_the_start_with_a_french_message(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => StartupOptions.Settings(Config((key, value))));

        Assert.Equal(message, error.Message);
    }
}
