using RelationsUsagers.Core.Cases;
using RelationsUsagers.Core.Imports;

namespace RelationsUsagers.Core.AccessRequests.Import;

/// <summary>The words offices use in their dashboards for capacities, modes and channels, compared without case or accents.</summary>
public static class DashboardVocabulary
{
    // A word matches the start of a word of the text; the first entry found wins, so "patient" comes last
    // ("fille du patient", "représentant légal du patient" name someone else).
    private static readonly (string Word, RequesterCapacity Capacity)[] Capacities =
    [
        ("ayant", RequesterCapacity.HeirOrPartner), ("heritier", RequesterCapacity.HeirOrPartner), ("concubin", RequesterCapacity.HeirOrPartner),
        ("pacs", RequesterCapacity.HeirOrPartner), ("conjoint", RequesterCapacity.HeirOrPartner), ("epou", RequesterCapacity.HeirOrPartner),
        ("veu", RequesterCapacity.HeirOrPartner), ("enfant", RequesterCapacity.HeirOrPartner),
        ("parent", RequesterCapacity.ParentalAuthority), ("pere", RequesterCapacity.ParentalAuthority), ("mere", RequesterCapacity.ParentalAuthority),
        ("autorite parentale", RequesterCapacity.ParentalAuthority),
        ("curat", RequesterCapacity.AssistingPerson), ("assistance", RequesterCapacity.AssistingPerson),
        ("tut", RequesterCapacity.LegalRepresentative), ("representant", RequesterCapacity.LegalRepresentative),
        ("mandataire", RequesterCapacity.LegalRepresentative), ("protection", RequesterCapacity.LegalRepresentative),
        ("medecin", RequesterCapacity.DesignatedDoctor), ("docteur", RequesterCapacity.DesignatedDoctor), ("dr ", RequesterCapacity.DesignatedDoctor),
        ("patient", RequesterCapacity.Patient), ("lui meme", RequesterCapacity.Patient), ("elle meme", RequesterCapacity.Patient),
        ("interesse", RequesterCapacity.Patient),
    ];

    private static readonly (string Word, CommunicationMode Mode)[] Modes =
    [
        ("sur place", CommunicationMode.OnSite), ("consultation", CommunicationMode.OnSite),
        ("lrar", CommunicationMode.RecordedDelivery), ("recommande", CommunicationMode.RecordedDelivery), ("rar", CommunicationMode.RecordedDelivery),
        ("main propre", CommunicationMode.HandDelivery), ("remise", CommunicationMode.HandDelivery), ("guichet", CommunicationMode.HandDelivery),
        ("medecin", CommunicationMode.ViaDesignatedDoctor), ("docteur", CommunicationMode.ViaDesignatedDoctor),
        ("electronique", CommunicationMode.Electronic), ("mail", CommunicationMode.Electronic), ("courriel", CommunicationMode.Electronic),
        ("mssante", CommunicationMode.Electronic), ("dmp", CommunicationMode.Electronic),
        ("postal", CommunicationMode.Post), ("poste", CommunicationMode.Post), ("courrier", CommunicationMode.Post),
        ("lettre simple", CommunicationMode.Post), ("envoi", CommunicationMode.Post),
    ];

    private static readonly (string Word, Channel Channel)[] Channels =
    [
        ("main propre", Channel.HandDelivered), ("courriel", Channel.Email), ("mail", Channel.Email), ("courrier", Channel.Mail),
        ("lettre", Channel.Mail), ("postal", Channel.Mail), ("guichet", Channel.FrontDesk), ("accueil", Channel.FrontDesk),
        ("telephone", Channel.Phone), ("fax", Channel.Fax), ("telecopie", Channel.Fax), ("formulaire", Channel.WebForm),
    ];

    public static RequesterCapacity? CapacityOf(string text) => ImportWords.Find(Capacities, text);

    public static CommunicationMode? ModeOf(string text) => ImportWords.Find(Modes, text);

    public static Channel? ChannelOf(string text) => ImportWords.Find(Channels, text);
}
