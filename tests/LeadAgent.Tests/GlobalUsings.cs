global using LeadAgent.Tests.Kit;
global using Xunit;
global using static LeadAgent.Tests.Kit.TestKit;
