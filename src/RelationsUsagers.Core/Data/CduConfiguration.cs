using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Cdu;

namespace RelationsUsagers.Core.Data;

/// <summary>The CDU members register (R.1112-81 to R.1112-84).</summary>
internal sealed class CduMemberConfiguration : IEntityTypeConfiguration<CduMember>
{
    public void Configure(EntityTypeBuilder<CduMember> b)
    {
        b.ToTable("CduMembers");
        b.Property(m => m.FullName).HasMaxLength(200).IsRequired();
        b.Property(m => m.Department).HasMaxLength(100);
        b.Property(m => m.Association).HasMaxLength(200);
        b.Property(m => m.UserName).HasMaxLength(256);
        b.Property(m => m.Email).HasMaxLength(256);
        b.Ignore(m => m.LegalCategory);
        b.Ignore(m => m.IsMediator);
        b.HasIndex(m => m.UserName);
    }
}

/// <summary>Meetings (R.1112-88) with their agenda and attendance; the stamp guards concurrent edits.</summary>
internal sealed class CduMeetingConfiguration : IEntityTypeConfiguration<CduMeeting>
{
    public void Configure(EntityTypeBuilder<CduMeeting> b)
    {
        b.ToTable("CduMeetings");
        b.Property(m => m.Place).HasMaxLength(CduMeetingService.PlaceMaxLength).IsRequired();
        b.Property(m => m.Minutes).HasMaxLength(CduMeetingService.MinutesMaxLength);
        b.Property(m => m.ConcurrencyStamp).IsConcurrencyToken();
        b.HasMany(m => m.Agenda).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.Date);
    }
}

internal sealed class CduAttendanceConfiguration : IEntityTypeConfiguration<CduAttendance>
{
    public void Configure(EntityTypeBuilder<CduAttendance> b)
    {
        b.ToTable("CduAttendances");
        b.HasKey(a => new { a.MeetingId, a.MemberId });
        // A member who sat on a meeting is made inactive, never deleted: the attendance list must stay whole.
        b.HasOne<CduMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.ToTable("CduAgendaItems");
        b.Property(i => i.Title).HasMaxLength(AgendaItem.TitleMaxLength).IsRequired();
        b.Property(i => i.Text).HasMaxLength(AgendaItem.TextMaxLength);
        b.ComplexCollection(i => i.Documents, d => d.ToJson());
        // Restrict: a case examined by the CDU is never deleted in cascade (the agenda would lose it).
        b.HasOne<CaseFile>().WithMany().HasForeignKey(i => i.CaseFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.MeetingId, i.Order });
        b.HasIndex(i => i.CaseFileId);
    }
}

/// <summary>The CDU's recommendations and their follow-up (CSP R.1112-80 II).</summary>
internal sealed class CduRecommendationConfiguration : IEntityTypeConfiguration<CduRecommendation>
{
    public void Configure(EntityTypeBuilder<CduRecommendation> b)
    {
        b.ToTable("CduRecommendations");
        b.Property(r => r.Text).HasMaxLength(CduRecommendation.TextMaxLength).IsRequired();
        b.Property(r => r.Owner).HasMaxLength(200).IsRequired();
        b.Property(r => r.FollowUpComment).HasMaxLength(CduRecommendation.TextMaxLength);
        b.Ignore(r => r.IsOpen);
        b.HasOne<CduMeeting>().WithMany().HasForeignKey(r => r.MeetingId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(r => new { r.Year, r.Status });
    }
}
