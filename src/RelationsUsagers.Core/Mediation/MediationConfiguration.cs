using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelationsUsagers.Core.Cases;

namespace RelationsUsagers.Core.Mediation;

internal sealed class MediationAppointmentConfiguration : IEntityTypeConfiguration<MediationAppointment>
{
    public void Configure(EntityTypeBuilder<MediationAppointment> b)
    {
        b.ToTable("MediationAppointments");
        b.Property(a => a.Place).HasMaxLength(200).IsRequired();
        b.Property(a => a.Relatives).HasMaxLength(500);
        b.Property(a => a.AccompanyingRepresentative).HasMaxLength(200);
        b.Property(a => a.Professionals).HasMaxLength(500);
        b.Property(a => a.LateReason).HasMaxLength(1000);
        b.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        b.Ignore(a => a.StartsAt);
        b.Ignore(a => a.EndsAt);
        b.ComplexCollection(a => a.History, h => h.ToJson());
        // Restrict: a case with meetings is never deleted in cascade (their history would be lost).
        b.HasOne<CaseFile>().WithMany().HasForeignKey(a => a.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.Date);
        b.HasIndex(a => a.CaseFileId);
    }
}

internal sealed class MediationMinutesConfiguration : IEntityTypeConfiguration<MediationMinutes>
{
    public void Configure(EntityTypeBuilder<MediationMinutes> b)
    {
        b.ToTable("MediationMinutes");
        b.Property(m => m.UpdatedBy).HasMaxLength(256);
        b.Property(m => m.ConcurrencyStamp).IsConcurrencyToken();
        b.HasOne<MediationAppointment>().WithOne().HasForeignKey<MediationMinutes>(m => m.AppointmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => m.CaseFileId);
    }
}
