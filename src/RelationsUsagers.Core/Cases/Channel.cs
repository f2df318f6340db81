namespace RelationsUsagers.Core.Cases;

/// <summary>How the case reached the office (R.1112-91 distinguishes oral complaints written down for the user).</summary>
public enum Channel
{
    Mail = 1,
    Email = 2,
    Phone = 3,
    FrontDesk = 4,
    WebForm = 5,
    OralRecorded = 6,
    ViaArs = 7,
    ViaPatientRepresentative = 8,
    ViaDefenseurDesDroits = 9,
    Fax = 10,
    HandDelivered = 11,
    /// <summary>The source did not say (a hand-kept file's empty or unknown cell): never guessed as « Courrier ».</summary>
    NotStated = 12,
}

public static class ChannelLabels
{
    /// <summary>The channels an officer chooses from: « Non renseigné » is left to imports, or kept when a case already has it.</summary>
    public static IEnumerable<Channel> Choices(Channel current) => Enum.GetValues<Channel>().Where(c => c != Channel.NotStated || current == Channel.NotStated);

    public static string Label(this Channel channel) => channel switch
    {
        Channel.Mail => "Courrier",
        Channel.Email => "Courriel",
        Channel.Phone => "Téléphone",
        Channel.FrontDesk => "Accueil",
        Channel.WebForm => "Formulaire en ligne",
        Channel.OralRecorded => "Oral consigné par écrit",
        Channel.ViaArs => "Via l'ARS",
        Channel.ViaPatientRepresentative => "Via un représentant des usagers",
        Channel.ViaDefenseurDesDroits => "Via le Défenseur des droits",
        Channel.Fax => "Télécopie",
        Channel.HandDelivered => "Remis en main propre",
        Channel.NotStated => "Non renseigné",
        _ => channel.ToString(),
    };
}
