using System.ComponentModel.DataAnnotations;

namespace LeadAgent.Web.Features.Crm;

public sealed class CrmOptions
{
    public const string Section = "Crm";

    /// <summary>Region for phone numbers written without a country code (ISO 3166-1 alpha-2).</summary>
    [Required, RegularExpression("^[A-Z]{2}$")]
    public string DefaultPhoneRegion { get; set; } = "DE";

    [Required, RegularExpression("^[A-Z]{3}$")]
    public string DefaultCurrency { get; set; } = "EUR";
}
