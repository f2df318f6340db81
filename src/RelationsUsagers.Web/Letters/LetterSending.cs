using System.Globalization;
using RelationsUsagers.Core.AccessRequests;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Letters;

namespace RelationsUsagers.Web.Letters;

/// <summary>How a letter leaves the office: the letter says it under its reference, and its recorded sending keeps it.</summary>
public enum LetterSendingMode
{
    RecordedDelivery = 1,
    Simple = 2,
    Email = 3,
    HandDelivered = 4,
}

public static class LetterSending
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Label(this LetterSendingMode mode) => mode switch
    {
        LetterSendingMode.RecordedDelivery => "Lettre recommandée avec accusé de réception",
        LetterSendingMode.Simple => "Lettre simple",
        LetterSendingMode.Email => "Courriel",
        LetterSendingMode.HandDelivered => "Remise en main propre",
        _ => mode.ToString(),
    };

    /// <summary>The letter's « mode d'envoi » line: « Lettre recommandée avec accusé de réception n° 1A 234 567 8901 2 ».</summary>
    public static string Text(LetterSendingMode mode, string? number) => mode switch
    {
        LetterSendingMode.RecordedDelivery when !string.IsNullOrWhiteSpace(number) => $"{mode.Label()} n°\u00A0{number.Trim()}",
        LetterSendingMode.Email => "Envoi par courriel",
        _ => mode.Label(),
    };

    /// <summary>The mode the case already states (an access request sent by LRAR, with its number), else a simple letter.</summary>
    public static (LetterSendingMode Mode, string? Number) Default(CaseFile file) => file is AccessRequest r
        ? r.CommunicationMode switch
        {
            CommunicationMode.RecordedDelivery => (LetterSendingMode.RecordedDelivery, r.RecordedDeliveryNumber),
            CommunicationMode.Electronic => (LetterSendingMode.Email, null),
            CommunicationMode.HandDelivery => (LetterSendingMode.HandDelivered, null),
            _ => (LetterSendingMode.Simple, null),
        }
        : (LetterSendingMode.Simple, null);

    /// <summary>A date field the officer types (« Date du rendez-vous »): it goes into the letter as written.</summary>
    public static bool IsDate(LetterField field) => field.Code.EndsWith("-on", StringComparison.Ordinal);

    /// <summary>« 03/12/2026 » becomes « 3 décembre 2026 », as letters write dates; any other text stays as typed.</summary>
    public static string? WrittenDate(string? typed) =>
        DateOnly.TryParseExact(typed?.Trim(), ["d/M/yyyy", "dd/MM/yyyy"], French, DateTimeStyles.None, out var date)
            ? LetterFields.LongDate(date)
            : typed;
}
