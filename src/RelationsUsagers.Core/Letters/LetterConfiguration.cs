using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RelationsUsagers.Core.Letters;

internal sealed class EstablishmentConfiguration : IEntityTypeConfiguration<Establishment>
{
    public void Configure(EntityTypeBuilder<Establishment> b)
    {
        b.ToTable("Establishments");
        b.Property(e => e.Id).ValueGeneratedNever();
        foreach (var name in new[] { nameof(Establishment.HospitalName), nameof(Establishment.ServiceName), nameof(Establishment.City),
                     nameof(Establishment.Email), nameof(Establishment.Phone), nameof(Establishment.SignatoryName), nameof(Establishment.SignatoryTitle),
                     nameof(Establishment.Delegation), nameof(Establishment.AdministrativeCourt), nameof(Establishment.InsurerName),
                     nameof(Establishment.InsurancePolicyNumber) })
            b.Property(name).HasMaxLength(200);
        b.Property(e => e.Address).HasMaxLength(500);
        b.Property(e => e.RepresentativesContact).HasMaxLength(1000);
        b.Property(e => e.LogoContentType).HasMaxLength(50);
        b.Property(e => e.UpdatedBy).HasMaxLength(256);
    }
}

/// <summary>Template versions: one row per upload, (letter, version) unique; rows are never changed.</summary>
internal sealed class LetterTemplateConfiguration : IEntityTypeConfiguration<LetterTemplate>
{
    public void Configure(EntityTypeBuilder<LetterTemplate> b)
    {
        b.ToTable("LetterTemplates");
        b.Property(t => t.LetterCode).HasMaxLength(60).IsRequired();
        b.Property(t => t.FileName).HasMaxLength(255).IsRequired();
        b.Property(t => t.UploadedBy).HasMaxLength(256).IsRequired();
        b.Property(t => t.Note).HasMaxLength(500);
        b.HasIndex(t => new { t.LetterCode, t.Version }).IsUnique();
    }
}
