package se.nduh.infrastructure.region;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import se.nduh.kernel.region.Region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegionDirectoryTest {

    private static final ClassPathResource MEMBERS = new ClassPathResource("nduh/regions.csv");

    @Test
    void without_a_list_every_member_is_served() {
        RegionDirectory regions = new RegionDirectory(MEMBERS, " ");
        assertThat(regions.served()).hasSize(13).isEqualTo(regions.all());
        assertThat(regions.isServed("halland")).isTrue();
    }

    @Test
    void a_regions_own_deployment_serves_the_listed_members_only() {
        RegionDirectory regions = new RegionDirectory(MEMBERS, "halland, skane");
        assertThat(regions.served()).extracting(Region::code).extracting(code -> code.value()).containsExactly("halland", "skane");
        assertThat(regions.isServed("skane")).isTrue();
        assertThat(regions.isServed("stockholm")).isFalse();
        assertThat(regions.isMember("stockholm")).isTrue();
        assertThat(regions.isServed("gavleborg")).isFalse();
        assertThat(regions.isServed("Not a code")).isFalse();
    }

    @Test
    void the_networks_deployment_serves_no_region() {
        RegionDirectory regions = new RegionDirectory(MEMBERS, "none");
        assertThat(regions.served()).isEmpty();
        assertThat(regions.isServed("halland")).isFalse();
        assertThat(regions.isMember("halland")).isTrue();
    }

    @Test
    void a_region_that_has_left_is_marked_so_in_its_own_list() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("regions", ".csv");
        java.nio.file.Files.writeString(file, "code,name\nhalland,Region Halland\nostergotland,Region Östergötland,left\n");
        RegionDirectory regions = new RegionDirectory(new org.springframework.core.io.FileSystemResource(file), "ostergotland");
        assertThat(regions.hasLeft("ostergotland")).isTrue();
        assertThat(regions.isServed("ostergotland")).isTrue();
        assertThat(regions.hasLeft("halland")).isFalse();
        assertThat(regions.all()).extracting(Region::name).containsExactly("Region Halland", "Region Östergötland");
        java.nio.file.Files.delete(file);
    }

    @Test
    void a_listed_region_that_is_no_member_stops_the_start() {
        assertThatThrownBy(() -> new RegionDirectory(MEMBERS, "halland,gavleborg"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("gavleborg");
        assertThatThrownBy(() -> new RegionDirectory(MEMBERS, "halland,,skane"))
                .isInstanceOf(IllegalStateException.class);
    }
}
