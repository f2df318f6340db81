namespace RelationsUsagers.Web.Accessibility;

/// <summary>
/// The facts of the accessibility statement (loi n° 2005-102 art. 47, décret n° 2019-768, RGAA 4.1): what the footer link
/// and the statement page say. The end-to-end scan of every page × every role checks the axe-core version against the engine
/// it runs, so the statement says what the tests show.
/// </summary>
public static class AccessibilityStatement
{
    public const string Page = "/accessibilite";

    /// <summary>RGAA 4.1 §« état de conformité »: totalement, partiellement or non conforme.</summary>
    public const string Conformity = "partiellement conforme";

    /// <summary>The footer mention the RGAA requires on every page, e.g. « Accessibilité : partiellement conforme ».</summary>
    public const string FooterText = "Accessibilité\u00A0: " + Conformity;

    /// <summary>When the statement was last established (to change with each new evaluation).</summary>
    public static readonly DateOnly EstablishedOn = new(2026, 12, 6);

    /// <summary>The axe-core engine the scan runs (Deque.AxeCore.Playwright bundles it).</summary>
    public const string AxeCoreVersion = "4.14.0";

    /// <summary>The Défenseur des droits: the recourse the RGAA model names, free of charge.</summary>
    public const string DefenderForm = "https://formulaire.defenseurdesdroits.fr/";
    public const string DefenderDelegates = "https://www.defenseurdesdroits.fr/saisir/delegues";
    public const string DefenderPhone = "09\u00A069\u00A039\u00A000\u00A000";
    public const string DefenderPost = "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07";
}
