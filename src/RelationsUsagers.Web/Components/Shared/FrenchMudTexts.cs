using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using MudBlazor.Services;

namespace RelationsUsagers.Web.Components.Shared;

/// <summary>
/// MudBlazor's own words (button names read by screen readers, a grid's loading text, the message of a typed text a field
/// cannot read...) in French; any key not listed keeps MudBlazor's English text rather than showing a key.
/// </summary>
public sealed class FrenchMudTexts(ILoggerFactory loggers) : ILocalizationInterceptor
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static readonly Dictionary<string, string> Texts = new()
    {
        ["MudAlert_Close"] = "Fermer",
        ["MudChip_Close"] = "Retirer",
        ["MudDialog_Close"] = "Fermer",
        ["MudSnackbar_Close"] = "Fermer",
        ["MudInput_Clear"] = "Effacer",
        ["MudInput_Increment"] = "Augmenter",
        ["MudInput_Decrement"] = "Diminuer",
        ["MudDataGrid_Sort"] = "Trier",
        ["MudDataGrid_Unsort"] = "Retirer le tri",
        ["MudDataGrid_Loading"] = "Chargement…",
        ["MudTable_Loading"] = "Chargement…",
        ["MudDataGrid_SelectAllRows"] = "Sélectionner toutes les lignes",
        ["MudDataGrid_SelectRow"] = "Sélectionner la ligne",
        ["MudDataGrid_ExpandGroup"] = "Déplier le groupe",
        ["MudDataGrid_CollapseGroup"] = "Replier le groupe",
        ["MudPagination_FirstPage"] = "Première page",
        ["MudPagination_PreviousPage"] = "Page précédente",
        ["MudPagination_NextPage"] = "Page suivante",
        ["MudPagination_LastPage"] = "Dernière page",
        // The page's button names; the current one also carries aria-current, which screen readers say in their own language.
        ["MudPagination_PageIndex"] = "Page {0}",
        ["MudPagination_CurrentPage"] = "Page {0}",
        // A typed text the field cannot read: said at the field, and by its name in the form's summary (FieldValidation).
        ["Converter_InvalidDateTime"] = "Date non reconnue\u00A0: saisissez-la au format jj/mm/aaaa.",
        ["Converter_InvalidNumber"] = "Nombre non reconnu\u00A0: saisissez des chiffres, avec une virgule pour les décimales.",
        ["Converter_InvalidTimeSpan"] = "Durée non reconnue\u00A0: saisissez-la au format hh:mm.",
        ["Converter_InvalidBoolean"] = "Valeur non reconnue\u00A0: oui ou non.",
        ["Converter_InvalidGUID"] = "Identifiant non reconnu.",
        ["Converter_NotValueOf"] = "Valeur non reconnue\u00A0: choisissez-la dans la liste.",
        ["Converter_InvalidType"] = "Valeur non reconnue\u00A0: vérifiez la saisie.",
        ["Converter_ConversionError"] = "Valeur non reconnue\u00A0: vérifiez la saisie.",
        ["Converter_ConversionFailed"] = "Valeur non reconnue\u00A0: vérifiez la saisie.",
        ["Converter_ConversionNotImplemented"] = "Valeur non reconnue\u00A0: vérifiez la saisie.",
        ["Converter_UnableToConvert"] = "Valeur non reconnue\u00A0: vérifiez la saisie.",
    };

    private readonly DefaultLocalizationInterceptor _english = new(loggers);

    public LocalizedString Handle(string key, params object[] arguments) =>
        Texts.TryGetValue(key, out var text)
            ? new LocalizedString(key, string.Format(French, text, arguments))
            : _english.Handle(key, arguments);
}

public static class FrenchMudTextsRegistration
{
    /// <summary>Registers <see cref="FrenchMudTexts"/> after <c>AddMudServices</c>.</summary>
    public static IServiceCollection AddFrenchMudTexts(this IServiceCollection services) =>
        services.AddLocalizationInterceptor<FrenchMudTexts>();
}
