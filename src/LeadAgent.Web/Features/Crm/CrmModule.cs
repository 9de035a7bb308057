using LeadAgent.Web.Features.Activity;
using LeadAgent.Web.Features.Companies;
using LeadAgent.Web.Features.Contacts;
using LeadAgent.Web.Features.CustomFields;
using LeadAgent.Web.Features.Dashboard;
using LeadAgent.Web.Features.Duplicates;
using LeadAgent.Web.Features.Export;
using LeadAgent.Web.Features.Imports;
using LeadAgent.Web.Features.Leads;
using LeadAgent.Web.Features.Lists;
using LeadAgent.Web.Features.Money;
using LeadAgent.Web.Features.Notes;
using LeadAgent.Web.Features.Orders;
using LeadAgent.Web.Features.Pipeline;
using LeadAgent.Web.Features.Search;

namespace LeadAgent.Web.Features.Crm;

public static class CrmModule
{
    public static IHostApplicationBuilder AddCrm(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CrmOptions>()
            .BindConfiguration(CrmOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<CustomFieldService>();
        builder.Services.AddScoped<CompanyService>();
        builder.Services.AddScoped<ContactService>();
        builder.Services.AddScoped<LeadService>();
        builder.Services.AddScoped<BulkUpdateLeads>();
        builder.Services.AddScoped<SavedViewService>();
        builder.Services.AddScoped<LeadColumnSettings>();
        builder.Services.AddScoped<LeadListService>();
        builder.Services.AddScoped<NoteService>();
        builder.Services.AddScoped<ActivityService>();
        builder.Services.AddScoped<DashboardService>();
        builder.Services.AddScoped<GlobalSearch>();
        builder.Services.AddScoped<OrderService>();
        builder.Services.AddScoped<ExchangeRateService>();
        builder.Services.AddScoped<PipelineService>();
        builder.Services.AddOptions<ImportOptions>()
            .BindConfiguration(ImportOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<ImportService>();
        builder.Services.AddSingleton<ImportSignal>();
        builder.Services.AddSingleton<ImportProcessor>();
        builder.Services.AddSingleton<ImportMetrics>();
        builder.Services.AddHostedService<ImportWorker>();
        builder.Services.AddScoped<DuplicateService>();
        builder.Services.AddScoped<MergeService>();
        return builder;
    }

    public static IEndpointRouteBuilder MapCrmEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapCustomFieldEndpoints();
        app.MapCompanyEndpoints();
        app.MapContactEndpoints();
        app.MapLeadEndpoints();
        app.MapLeadListEndpoints();
        app.MapNoteEndpoints();
        app.MapActivityEndpoints();
        app.MapDashboardEndpoints();
        app.MapSearchEndpoints();
        app.MapOrderEndpoints();
        app.MapMoneyEndpoints();
        app.MapPipelineEndpoints();
        app.MapExportEndpoints();
        app.MapImportEndpoints();
        app.MapDuplicateEndpoints();
        return app;
    }
}
