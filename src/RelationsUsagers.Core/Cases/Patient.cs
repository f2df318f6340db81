namespace RelationsUsagers.Core.Cases;

/// <summary>The patient the case is about (owned by the case file, stored in its row).</summary>
public sealed class Patient
{
    public string LastName { get; set; } = "";
    public string FirstName { get; set; } = "";
    public DateOnly? BirthDate { get; set; }
    /// <summary>IPP: the hospital's patient number.</summary>
    public string? PatientNumber { get; set; }
    public DateOnly? DeathDate { get; set; }

    /// <summary>Lower-cased, accent-free "last first" used by the queue's search.</summary>
    public string SearchName { get; set; } = "";

    public string FullName => $"{LastName.ToUpperInvariant()} {FirstName}".Trim();
}

/// <summary>Whoever writes to the office: the patient, a relative, a lawyer, a police officer...</summary>
public sealed class Party
{
    public string Name { get; set; } = "";
    /// <summary>Free text capacity as stated ("fille de la patiente", "avocat"...).</summary>
    public string? Capacity { get; set; }
    public string? Address { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string SearchName { get; set; } = "";
}
