namespace LeadAgent.Web.Features.Imports;

/// <summary>
/// The one table of what other CRMs call our fields and values: the column headers of HubSpot, Salesforce,
/// Pipedrive and Zoho exports, tried after a field's own aliases, in the order given (so "Opportunity Owner" wins
/// over "Account Owner"); and their picklist labels for our enums. A label not listed here is never a reason to
/// reject a row: the row keeps it as a tag and the preview says so (<see cref="ImportRow.Enum{T}"/>).
/// </summary>
public static class ImportSynonyms
{
    private static readonly string[] RecordId = ["Record ID", "ID"];

    private static readonly Dictionary<string, string[]> Companies = new()
    {
        ["name"] = ["Account Name", "Organization - Name", "Organization Name", "Company"],
        ["website"] = ["Company Domain Name", "Website URL", "Web site", "Organization - Website"],
        ["country"] = ["Country/Region", "Billing Country", "Organization - Address - Country",
            "Organization - Country", "Shipping Country"],
        ["city"] = ["Billing City", "Organization - Address - City", "Organization - City", "Shipping City"],
        ["segment"] = ["Account Type", "Company Type", "Organization - Type"],
        ["industry"] = ["Organization - Industry"],
        ["size_band"] = ["Number of Employees", "No. of Employees", "Employee Count", "Organization - Employees"],
        ["phone"] = ["Phone Number", "Account Phone", "Organization - Phone", "Company Phone"],
        ["external_id"] = [.. RecordId, "Account ID", "Organization - ID", "Company ID", "Account Id"],
    };

    private static readonly Dictionary<string, string[]> Contacts = new()
    {
        ["first_name"] = ["Person - First name", "Person - Name", "Contact Name"],
        ["last_name"] = ["Person - Last name"],
        ["role"] = ["Person - Job title"],
        ["email"] = ["Email Address", "Person - Email", "Person - Email - Work", "Primary Email", "Email 1"],
        ["phone"] = ["Phone Number", "Mobile Phone Number", "Person - Phone", "Person - Phone - Work",
            "Mobile Phone"],
        ["company_name"] = ["Associated Company", "Account Name", "Person - Organization", "Organization - Name",
            "Company Name"],
        ["company_domain"] = ["Website URL", "Company Domain Name", "Web site"],
        ["company_country"] = ["Country/Region", "Mailing Country", "Organization - Address - Country"],
        ["external_id"] = [.. RecordId, "Contact ID", "Person - ID", "Contact Id"],
    };

    private static readonly Dictionary<string, string[]> Leads = new()
    {
        ["title"] = ["Opportunity Name", "Deal - Title", "Potential Name", "Deal Title"],
        ["status"] = ["Lead Status", "Deal Stage", "Deal - Stage", "Opportunity Stage", "Stage Name"],
        ["owner_email"] = ["Lead Owner", "Deal Owner", "Opportunity Owner", "Deal - Owner", "Contact owner",
            "Company owner", "Account Owner"],
        ["source"] = ["Deal - Source", "Original Source", "Source"],
        ["expected_value"] = ["Deal - Value", "Opportunity Amount", "Expected Revenue"],
        ["currency"] = ["Deal - Currency", "Opportunity Currency", "Currency ISO Code", "Amount Currency"],
        ["created_on"] = ["Deal - Deal created", "Created Time", "Lead Created Date", "Opportunity Created Date"],
        ["closed_on"] = ["Deal - Deal closed on", "Deal - Won time", "Deal - Lost time", "Closed Time"],
        ["company_name"] = ["Account Name", "Associated Company", "Deal - Organization", "Organization - Name",
            "Organization"],
        ["company_domain"] = ["Website URL", "Company Domain Name", "Web site"],
        ["company_country"] = ["Country/Region", "Mailing Country", "Billing Country",
            "Organization - Address - Country"],
        ["company_city"] = ["Mailing City", "Billing City", "Organization - Address - City"],
        ["contact_first_name"] = ["Deal - Contact person", "Person - Name", "Contact"],
        ["contact_email"] = ["Email Address", "Person - Email", "Person - Email - Work"],
        ["contact_phone"] = ["Phone Number", "Person - Phone", "Person - Phone - Work", "Mobile Phone Number"],
        ["external_id"] = [.. RecordId, "Opportunity ID", "Deal - ID", "Deal ID", "Lead ID", "Lead Id"],
    };

    private static readonly Dictionary<string, string[]> Orders = new()
    {
        ["number"] = ["Invoice Number", "Sales Order Number", "SO Number"],
        ["company_name"] = ["Account Name", "Organization - Name", "Customer Name"],
        ["external_id"] = RecordId,
    };

    /// <summary>Other CRMs' headers for this field of this kind.</summary>
    public static IReadOnlyList<string> Headers(ImportKind kind, string field) => (kind switch
    {
        ImportKind.Companies => Companies,
        ImportKind.Contacts => Contacts,
        ImportKind.Leads => Leads,
        _ => Orders,
    }).GetValueOrDefault(field) ?? [];

    // Picklist labels, written as ImportValues.TryEnum compares them (letters and digits, any case).
    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        // Segment (Salesforce and HubSpot "Type", Zoho "Account Type").
        ["ChannelPartnerReseller"] = "Reseller",
        ["ChannelPartner"] = "Reseller",
        ["Distributor"] = "Reseller",
        ["ValueAddedReseller"] = "Reseller",
        ["Agency"] = "EventAgency",
        ["Eventagentur"] = "EventAgency",
        ["Corporate"] = "CorporateClient",
        ["Firmenkunde"] = "CorporateClient",
        ["Brand"] = "BrandOwner",
        ["Manufacturer"] = "BrandOwner",
        // Lead status and deal stages.
        ["Open"] = "New",
        ["OpenNotContacted"] = "New",
        ["NotContacted"] = "New",
        ["Prospecting"] = "New",
        ["LeadIn"] = "New",
        ["AttemptedToContact"] = "Contacted",
        ["InProgress"] = "Contacted",
        ["Connected"] = "Contacted",
        ["WorkingContacted"] = "Contacted",
        ["ContactMade"] = "Contacted",
        ["ContactInFuture"] = "Contacted",
        ["OpenDeal"] = "Qualified",
        ["Qualification"] = "Qualified",
        ["PreQualified"] = "Qualified",
        ["NeedsAnalysis"] = "Qualified",
        ["SalesQualifiedLead"] = "Qualified",
        ["ValueProposition"] = "Proposal",
        ["ProposalPriceQuote"] = "Proposal",
        ["ProposalMade"] = "Proposal",
        ["NegotiationReview"] = "Proposal",
        ["NegotiationsStarted"] = "Proposal",
        ["ClosedWon"] = "Won",
        ["ClosedConverted"] = "Won",
        ["ClosedLost"] = "Lost",
        ["ClosedNotConverted"] = "Lost",
        ["LostLead"] = "Lost",
        ["Unqualified"] = "Disqualified",
        ["NotQualified"] = "Disqualified",
        ["JunkLead"] = "Disqualified",
        // Lead source.
        ["Website"] = "InboundMessage",
        ["Web"] = "InboundMessage",
        ["WebForm"] = "InboundMessage",
        ["WebDownload"] = "InboundMessage",
        ["Chat"] = "InboundMessage",
        ["Inbound"] = "InboundMessage",
        ["PhoneInquiry"] = "InboundMessage",
        ["EmployeeReferral"] = "Referral",
        ["ExternalReferral"] = "Referral",
        ["PartnerReferral"] = "Referral",
        ["WordOfMouth"] = "Referral",
        ["PurchasedList"] = "Import",
        ["ColdCall"] = "Manual",
        ["WebResearch"] = "Discovery",
        // Order status.
        ["Pending"] = "Confirmed",
        ["Processing"] = "Confirmed",
        ["OpenOrder"] = "Confirmed",
        ["Completed"] = "Shipped",
        ["Fulfilled"] = "Shipped",
        ["Delivered"] = "Shipped",
        ["Canceled"] = "Cancelled",
        ["Void"] = "Cancelled",
        ["Storniert"] = "Cancelled",
        ["Bezahlt"] = "Paid",
        ["Quote"] = "Draft",
    };

    /// <summary>Our name for another CRM's label (letters and digits only), or null.</summary>
    public static string? Label(string simplified) => Labels.GetValueOrDefault(simplified);
}
