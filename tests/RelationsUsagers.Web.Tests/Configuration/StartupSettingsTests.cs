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
    public void Refunds_are_chased_after_90_days_unless_the_office_sets_another_number()
    {
        Assert.Equal(90, StartupOptions.Settings(Config()).Insurance.RefundOverdueDays);
        Assert.Equal(60, StartupOptions.Settings(Config(("Insurance:RefundOverdueDays", "60"))).Insurance.RefundOverdueDays);
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
    [InlineData("Insurance:RefundOverdueDays", "0", "Insurance:RefundOverdueDays vaut « 0 » : indiquez un nombre de jours entre 1 et 3650, par exemple 90.")]
    public void A_bad_setting_stops_the_start_with_a_french_message(string key, string value, string message)
    {
        // A SettingException: Program.cs prints its message alone and exits with code 2.
        var error = Assert.Throws<SettingException>(() => StartupOptions.Settings(Config((key, value))));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void The_database_is_a_sqlite_file_unless_postgresql_is_chosen()
    {
        var sqlite = StartupOptions.Database(Config(("Database:Path", "data/ru.db")), "/srv/portail");
        var server = StartupOptions.Database(
            Config(("Database:Provider", "postgresql"), ("ConnectionStrings:Default", "Host=db.ght.local;Database=relations_usagers;Username=portail")), "/srv/portail");

        Assert.Equal(Core.DatabaseProvider.Sqlite, sqlite.Provider);
        Assert.Contains("Data Source=/srv/portail/data/ru.db", sqlite.ConnectionString, StringComparison.Ordinal);
        Assert.Equal(new DatabaseSettings(Core.DatabaseProvider.PostgreSql, "Host=db.ght.local;Database=relations_usagers;Username=portail"), server);
    }

    [Theory]
    [InlineData("1", null, "Database:Provider vaut « 1 » : indiquez Sqlite (un fichier, par défaut) ou PostgreSql (un serveur).")]
    [InlineData("PostgreSql", null, "ConnectionStrings:Default est vide : avec Database:Provider = PostgreSql, indiquez la chaîne de connexion du serveur, par exemple Host=serveur;Database=relations_usagers;Username=portail;Password=….")]
    [InlineData("PostgreSql", "Data Source=data/ru.db", "ConnectionStrings:Default n'est pas une chaîne de connexion PostgreSQL utilisable : indiquez au moins Host et Database, par exemple Host=serveur;Database=relations_usagers;Username=portail;Password=….")]
    [InlineData("PostgreSql", "Host=db;Password=secret", "ConnectionStrings:Default n'est pas une chaîne de connexion PostgreSQL utilisable : indiquez au moins Host et Database, par exemple Host=serveur;Database=relations_usagers;Username=portail;Password=….")]
    public void A_bad_database_setting_stops_the_start_with_a_french_message_naming_the_key(string provider, string? connection, string message)
    {
        var values = new List<(string, string)> { ("Database:Provider", provider) };
        if (connection is not null)
            values.Add(("ConnectionStrings:Default", connection));

        var error = Assert.Throws<SettingException>(() => StartupOptions.Database(Config([.. values]), "/srv/portail"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Sessions_default_to_a_minute_half_an_hour_and_ten_hours()
    {
        Assert.Equal(new Web.Security.SessionSettings(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30), TimeSpan.FromHours(10)),
            Web.Security.SessionSettings.From(Config()));
    }

    [Fact]
    public void Session_durations_and_the_sign_in_limit_are_read()
    {
        var sessions = Web.Security.SessionSettings.From(Config(("Sessions:RevalidationInterval", "00:00:30"), ("Sessions:IdleTimeout", "00:15:00"),
            ("Sessions:Lifetime", "08:00:00")));
        var limit = Web.Security.SignInRateLimit.From(Config(("SignIn:PermitLimit", "5"), ("SignIn:Window", "00:05:00")));

        Assert.Equal(new Web.Security.SessionSettings(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15), TimeSpan.FromHours(8)), sessions);
        Assert.Equal(new Web.Security.SignInRateLimit(5, TimeSpan.FromMinutes(5)), limit);
    }

    [Theory]
    [InlineData("Sessions:Lifetime", "-01:00:00", "Sessions:Lifetime vaut « -01:00:00 » : indiquez une durée positive au format hh:mm:ss, par exemple 10:00:00.")]
    [InlineData("SignIn:PermitLimit", "dix", "SignIn:PermitLimit vaut « dix » : indiquez un nombre entier positif, par exemple 10.")]
    public void A_bad_session_or_sign_in_setting_stops_the_start_with_a_French_message(string key, string value, string message)
    {
        var error = Assert.Throws<SettingException>(() =>
        {
            _ = Web.Security.SessionSettings.From(Config((key, value)));
            _ = Web.Security.SignInRateLimit.From(Config((key, value)));
        });

        Assert.Equal(message, error.Message);
    }
}
