namespace RelationsUsagers.Core.Letters;

/// <summary>
/// The letterhead every letter carries (one row): the hospital, the service in charge with its contacts — which the
/// acknowledgement of a request must give (CRPA R.112-5 2°) —, the signatory and the delegation, the logo.
/// </summary>
public sealed class Establishment
{
    public const int SingletonId = 1;
    public const long MaxLogoBytes = 512 * 1024;

    public int Id { get; set; } = SingletonId;
    public string HospitalName { get; set; } = "";
    public string ServiceName { get; set; } = "Service des relations avec les usagers";
    /// <summary>Postal address, one line per line of the envelope.</summary>
    public string Address { get; set; } = "";
    /// <summary>The town the letters are dated from: « Nantes, le 6 décembre 2026 ».</summary>
    public string City { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string SignatoryName { get; set; } = "";
    public string SignatoryTitle { get; set; } = "";
    /// <summary>« Pour le directeur général et par délégation »; empty when the director signs.</summary>
    public string? Delegation { get; set; }
    /// <summary>The administrative court the remedies name (CJA R.421-5): « tribunal administratif de Nantes ».</summary>
    public string AdministrativeCourt { get; set; } = "";
    /// <summary>How the complainant reaches the user representatives of the CDU (R.1112-92: he may be accompanied by one).</summary>
    public string? RepresentativesContact { get; set; }
    /// <summary>The hospital's civil-liability insurer and policy (L.1142-2), quoted in the declaration of a claim.</summary>
    public string? InsurerName { get; set; }
    public string? InsurancePolicyNumber { get; set; }
    public byte[]? Logo { get; set; }
    /// <summary>image/png or image/jpeg.</summary>
    public string? LogoContentType { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>What is missing for a letter to carry the mentions R.112-5 requires of every acknowledgement, in French.</summary>
    public IEnumerable<string> Missing()
    {
        if (string.IsNullOrWhiteSpace(HospitalName)) yield return "le nom de l'établissement";
        if (string.IsNullOrWhiteSpace(Address)) yield return "l'adresse postale du service";
        if (string.IsNullOrWhiteSpace(Email)) yield return "le courriel du service";
        if (string.IsNullOrWhiteSpace(Phone)) yield return "le téléphone du service";
        if (string.IsNullOrWhiteSpace(SignatoryName)) yield return "le signataire";
        if (string.IsNullOrWhiteSpace(City)) yield return "la ville d'où les courriers sont datés";
        if (string.IsNullOrWhiteSpace(AdministrativeCourt)) yield return "le tribunal administratif compétent";
    }
}

/// <summary>
/// One version of a letter's Word template as the office uploaded it. Versions are never changed: restoring an old one
/// writes it again as the newest. Without any version, the letter uses its default template (built from its definition).
/// </summary>
public sealed class LetterTemplate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string LetterCode { get; set; } = "";
    public int Version { get; set; }
    public byte[] Content { get; set; } = [];
    public string FileName { get; set; } = "";
    public DateTime UploadedAtUtc { get; set; }
    public string UploadedBy { get; set; } = "";
    /// <summary>« Restauration de la version 2 », or the office's note.</summary>
    public string? Note { get; set; }
}
